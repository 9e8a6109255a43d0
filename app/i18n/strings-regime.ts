// Strings of the lists for records mirrored from another register (issue 15, standard v1.1
// `regime`): the regime filter's heading, the home page's count box and the notes on /sunsets and
// the home page that mirrored records are governed by their source register's rules, not this one's.
const en = {
  facet_regime: "Whose rules govern it",
  homeByRegime: "By governing register",
  regimeSunsetsLeftOut:
    "{n} records mirrored from other registers are not listed here: their source register's rules, not this register's, decide when they end.",
  regimeSunsetsLeftOutLink: "See the mirrored records",
  regimeHomeLeftOut: "Records mirrored from other registers ({n}) are not judged by this register's rules and are not counted here.",
};

const zh: Record<keyof typeof en, string> = {
  facet_regime: "适用规则",
  homeByRegime: "按适用规则",
  regimeSunsetsLeftOut: "转载自其他登记簿的 {n} 条记录未列于此：其何时终止由来源登记簿的规则决定，而非本登记簿的规则。",
  regimeSunsetsLeftOutLink: "查看转载记录",
  regimeHomeLeftOut: "转载自其他登记簿的记录（{n} 条）不按本登记簿的规则评判，未计入此处。",
};

export const regimeStrings = { en, zh };
