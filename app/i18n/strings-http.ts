// Answers the server gives before any page is rendered (app/http/refusals.ts): a refused body,
// a cross-site form, a busy worker. Merged into strings.ts; a key missing in one language fails
// the typecheck.
const en = {
  httpTooLargeTitle: "Too much data sent",
  httpTooLarge: "This form sent more data than the register accepts here ({limit}). Nothing was saved. Use your browser's Back button to return to the form (what you typed is usually still there), shorten the text or, for an import, split the file, and send it again.",
  httpCrossSiteTitle: "Form refused",
  httpCrossSite: "This form was sent from another website, so the register refused it and saved nothing. If you meant to use the register, open it directly and send the form from its own page.",
  httpBusyTitle: "The register is busy",
  httpBusy: "Too many pages are being prepared at this moment. Nothing was lost: please try again in a few seconds.",
  httpNotFormTitle: "Not a form",
  httpNotForm: "This address takes form submissions only. Nothing was saved.",
  httpBackHome: "Go to the register's home page",
};

const zh: Record<keyof typeof en, string> = {
  httpTooLargeTitle: "提交的数据过多",
  httpTooLarge: "此表单提交的数据超过了本登记簿在此处接受的上限（{limit}），未保存任何内容。请用浏览器的“返回”按钮回到表单（已输入的内容通常仍在），缩短文字后重新提交；如为批量导入，请拆分文件后分别导入。",
  httpCrossSiteTitle: "表单被拒绝",
  httpCrossSite: "此表单是从其他网站提交的，登记簿已拒绝，未保存任何内容。如确需使用登记簿，请直接打开登记簿，从其页面提交表单。",
  httpBusyTitle: "登记簿繁忙",
  httpBusy: "此刻正在生成的页面过多。未丢失任何内容，请几秒钟后重试。",
  httpNotFormTitle: "不是表单提交",
  httpNotForm: "此地址只接受表单提交，未保存任何内容。",
  httpBackHome: "返回登记簿首页",
};

export const httpStrings = { en, zh };
