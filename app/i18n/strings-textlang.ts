// Text of a record in a language other than the interface's two (issue 15): the note beside it
// and the messages of the standard's rules on language tags. {language} is the language's name
// in the reader's language (Intl.DisplayNames).
const en = {
  textOtherLangNote: "In {language}; no English or Chinese translation yet",
  err_text_lang_tag: "“{field}” has text under a language tag that is not well formed; name each language by its BCP 47 tag, such as a two-letter language code.",
  err_text_too_many_langs: "Give “{field}” in at most {maximum} languages.",
};

const zh: typeof en = {
  textOtherLangNote: "原文为{language}，暂无中文或英文译文",
  err_text_lang_tag: "“{field}”中有文本的语言标记格式不正确，请用 BCP 47 语言标记（例如两个字母的语言代码）标明每种语言。",
  err_text_too_many_langs: "“{field}”最多可用 {maximum} 种语言填写。",
};

export const textLangStrings = { en, zh };
