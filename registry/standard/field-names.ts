// The name of every field of the record standard, in Chinese and English: what the edit forms
// show as a field's label and what a message calls the field ("请填写“保存期限”"). A name is
// short; the field's definition (its description in v1.ts) is shown under it as hint text
// (field-hints.ts). Keyed by the field's path without row numbers ("dataScope.elements.retention"
// for "dataScope.elements.2.retention"). Chinese terms follow docs/glossary.md.
// test/unit/field-names.test.ts fails on any field the forms show without a name in both languages.

export type FieldName = { zh: string; en: string };

export const FIELD_NAMES: Record<string, FieldName> = {
  standardVersion: { zh: "标准版本", en: "Standard version" },

  identity: { zh: "基本信息", en: "What it is" },
  "identity.id": { zh: "工具编号", en: "Tool id" },
  "identity.slug": { zh: "网址名称", en: "Web address name" },
  "identity.name": { zh: "工具名称", en: "Name of the tool" },
  "identity.originalLanguage": { zh: "原文语言", en: "Original language" },
  "identity.kind": { zh: "工具类型", en: "Kind of tool" },
  "identity.jurisdiction": { zh: "辖区", en: "Jurisdiction" },
  "identity.jurisdiction.level": { zh: "政府层级", en: "Level of government" },
  "identity.jurisdiction.place": { zh: "地名", en: "Place" },
  "identity.policyDomain": { zh: "政策领域", en: "Policy area" },
  "identity.summary": { zh: "摘要", en: "Summary" },
  "identity.description": { zh: "完整说明", en: "Full description" },

  responsibility: { zh: "责任主体", en: "Who is responsible" },
  "responsibility.agencies": { zh: "相关机构及其角色", en: "Agencies and their roles" },
  "responsibility.agencies.agency": { zh: "机构", en: "Agency" },
  "responsibility.agencies.role": { zh: "角色", en: "Role" },
  "responsibility.contactOffice": { zh: "首问责任部门", en: "First-contact office" },
  "responsibility.contactOffice.name": { zh: "部门名称", en: "Name of the office" },
  "responsibility.contactOffice.channel": { zh: "联系方式", en: "How to reach it" },
  "responsibility.vendors": { zh: "供应商", en: "Vendors" },
  "responsibility.vendors.name": { zh: "供应商名称", en: "Name of the vendor" },
  "responsibility.vendors.role": { zh: "提供内容", en: "What it supplies" },
  "responsibility.vendors.contractReference": { zh: "合同编号", en: "Contract reference" },
  "responsibility.vendors.contractEnd": { zh: "合同结束日期", en: "Contract end date" },
  "responsibility.vendors.dataAccess": { zh: "数据访问", en: "Data access" },
  "responsibility.vendors.sourceAccess": { zh: "源代码查阅", en: "Source code access" },
  "responsibility.vendors.companyNumber": { zh: "企业登记编号", en: "Company number" },
  "responsibility.accountableOfficer": { zh: "负责官员", en: "Accountable officer" },
  "responsibility.accountableOfficer.role": { zh: "职务", en: "Role or title" },
  "responsibility.accountableOfficer.name": { zh: "姓名", en: "Name" },
  "responsibility.team": { zh: "负责团队", en: "Team" },

  purpose: { zh: "目的与法律依据", en: "Purpose and legal basis" },
  "purpose.purpose": { zh: "用途", en: "Purpose" },
  "purpose.legalBasis": { zh: "法律依据", en: "Legal basis" },
  "purpose.legalBasis.citation": { zh: "法律、法规或文件", en: "Law, regulation or document" },
  "purpose.legalBasis.url": { zh: "原文链接", en: "Link to the text" },
  "purpose.necessity": { zh: "必要性", en: "Why it is necessary" },
  "purpose.alternativesConsidered": { zh: "替代方案", en: "Alternatives considered" },
  "purpose.affectedPeople": { zh: "受影响人群", en: "Who is affected" },
  "purpose.affectedPeople.estimate": { zh: "人数估计", en: "Estimated number" },
  "purpose.affectedPeople.description": { zh: "人群说明", en: "Who they are" },
  "purpose.consequences": { zh: "对个人的后果", en: "Consequences for a person" },
  "purpose.mandatory": { zh: "是否强制使用", en: "Mandatory use" },
  "purpose.nonDigitalAlternative": { zh: "非数字替代途径", en: "Non-digital alternative" },
  "purpose.accessibility": { zh: "无障碍安排", en: "Accessibility" },
  "purpose.benefits": { zh: "预期益处", en: "Expected benefits" },

  howItWorks: { zh: "运作方式", en: "How it works" },
  "howItWorks.automation": { zh: "自动化程度", en: "Level of automation" },
  "howItWorks.logic": { zh: "判定逻辑", en: "Decision logic" },
  "howItWorks.inputs": { zh: "输入", en: "Inputs" },
  "howItWorks.outputs": { zh: "输出", en: "Outputs" },
  "howItWorks.method": { zh: "模型或方法", en: "Model or method" },
  "howItWorks.sourceCode": { zh: "源代码", en: "Source code" },
  "howItWorks.sourceCode.url": { zh: "源代码地址", en: "Link to the source code" },
  "howItWorks.sourceCode.reasonNone": { zh: "不公开的理由", en: "Why it is not published" },
  "howItWorks.testing": { zh: "准确性与偏差测试", en: "Accuracy and bias testing" },
  "howItWorks.designPeakLoad": { zh: "设计峰值负载", en: "Design peak load" },
  "howItWorks.designPeakLoad.requestsPerSecond": { zh: "每秒请求数", en: "Requests per second" },
  "howItWorks.designPeakLoad.note": { zh: "峰值的确定方式", en: "How the peak was set" },

  dataScope: { zh: "收集的数据", en: "Data it collects" },
  "dataScope.elements": { zh: "数据项", en: "Data elements" },
  "dataScope.elements.name": { zh: "数据项名称", en: "Name of the data element" },
  "dataScope.elements.category": { zh: "数据类别", en: "Category" },
  "dataScope.elements.sensitive": { zh: "敏感个人信息", en: "Sensitive personal information" },
  "dataScope.elements.sourceSystem": { zh: "数据来源系统", en: "Source system" },
  "dataScope.elements.necessity": { zh: "必要性", en: "Why it is necessary" },
  "dataScope.elements.granularity": { zh: "颗粒度", en: "Granularity" },
  "dataScope.elements.retention": { zh: "保存期限", en: "Retention period" },
  "dataScope.sharingRecipients": { zh: "共享对象", en: "Shared with" },
  "dataScope.crossBorderTransfer": { zh: "跨境传输", en: "Transferred abroad" },
  "dataScope.deidentification": { zh: "去标识化", en: "De-identification" },
  "dataScope.securityProtectionLevel": { zh: "网络安全等级保护级别", en: "Security protection level" },
  "dataScope.peopleCovered": { zh: "数据覆盖人数", en: "People whose data is held" },

  oversight: { zh: "监督与申诉", en: "Oversight and how to appeal" },
  "oversight.humanOversight": { zh: "人工监督", en: "Human oversight" },
  "oversight.appeal": { zh: "申诉途径", en: "How to appeal" },
  "oversight.appeal.channel": { zh: "申诉渠道", en: "Where to appeal" },
  "oversight.appeal.responseDays": { zh: "答复时限（天）", en: "Response time (days)" },
  "oversight.appealStats": { zh: "申诉统计", en: "Appeal statistics" },
  "oversight.appealStats.period": { zh: "统计期间", en: "Period" },
  "oversight.appealStats.filed": { zh: "受理数", en: "Appeals filed" },
  "oversight.appealStats.corrected": { zh: "纠正数", en: "Appeals corrected" },
  "oversight.appealStats.medianDays": { zh: "处理天数中位数", en: "Median days" },

  lifecycle: { zh: "生命周期与日期", en: "Lifecycle and dates" },
  "lifecycle.deploymentStatus": { zh: "部署状态", en: "Deployment status" },
  "lifecycle.reviewStatus": { zh: "审查状态", en: "Review status" },
  "lifecycle.announcedDate": { zh: "提出或公布日期", en: "Proposed or announced" },
  "lifecycle.goLiveDate": { zh: "投入使用日期", en: "In use since" },
  "lifecycle.sunsetDate": { zh: "终止日期", en: "Sunset date" },
  "lifecycle.renewals": { zh: "续期", en: "Renewals" },
  "lifecycle.renewals.date": { zh: "续期决定日期", en: "Date of the decision" },
  "lifecycle.renewals.newSunsetDate": { zh: "新的终止日期", en: "New sunset date" },
  "lifecycle.renewals.reviewRef": { zh: "批准续期的审查", en: "Review that allowed it" },
  "lifecycle.retirement": { zh: "停用", en: "Retirement" },
  "lifecycle.retirement.date": { zh: "停用日期", en: "Retired on" },
  "lifecycle.retirement.reason": { zh: "停用原因", en: "Reason" },

  assessments: { zh: "影响评估", en: "Impact assessment" },
  "assessments.impact": { zh: "影响评估问卷", en: "Impact questionnaire" },
  "assessments.impact.peopleAffected": { zh: "影响人数", en: "People affected" },
  "assessments.impact.dataSensitivity": { zh: "数据敏感程度", en: "Data sensitivity" },
  "assessments.impact.automation": { zh: "自动决策程度", en: "Automated decisions" },
  "assessments.impact.consequence": { zh: "最严重后果", en: "Worst consequence" },
  "assessments.impact.reversible": { zh: "能否撤销", en: "Can be undone" },
  "assessments.impact.mandatory": { zh: "是否强制使用", en: "Mandatory use" },
  "assessments.impact.vulnerableGroups": { zh: "弱势群体", en: "Vulnerable groups" },
  "assessments.impact.mitigations": { zh: "缓解措施", en: "Mitigations" },
  "assessments.documents": { zh: "评估报告", en: "Assessment reports" },
  "assessments.documents.kind": { zh: "评估类型", en: "Kind of assessment" },
  "assessments.documents.title": { zh: "报告标题", en: "Title of the report" },
  "assessments.documents.url": { zh: "报告链接", en: "Link to the report" },
  "assessments.documents.date": { zh: "评估日期", en: "Date of the assessment" },

  participation: { zh: "公众征求意见", en: "Public consultation" },
  "participation.consultationOpens": { zh: "征求意见开始", en: "Consultation opens" },
  "participation.consultationCloses": { zh: "征求意见截止", en: "Consultation closes" },

  incidents: { zh: "事件", en: "Incidents" },
  "incidents.kind": { zh: "事件类型", en: "Kind of incident" },
  "incidents.date": { zh: "发生时间", en: "When it happened" },
  "incidents.title": { zh: "事件标题", en: "Title of the incident" },
  "incidents.description": { zh: "事件经过", en: "What happened" },
  "incidents.peopleAffected": { zh: "受影响人数", en: "People affected" },
  "incidents.response": { zh: "应对措施", en: "Response" },
  "incidents.regulatorNotified": { zh: "是否已报告监管机关", en: "Regulator notified" },
  "incidents.sources": { zh: "所依据的来源", en: "Sources cited" },

  withheld: { zh: "不予公开的信息", en: "Withheld information" },
  "withheld.field": { zh: "不予公开的内容", en: "What is withheld" },
  "withheld.ground": { zh: "不予公开的理由", en: "Ground" },
  "withheld.legalCitation": { zh: "法律条款", en: "Legal provision" },

  sources: { zh: "来源", en: "Sources" },
  "sources.key": { zh: "引用代号", en: "Citation key" },
  "sources.kind": { zh: "来源类型", en: "Kind of source" },
  "sources.title": { zh: "来源标题", en: "Title of the source" },
  "sources.citation": { zh: "作者与发表处", en: "Author and publication" },
  "sources.url": { zh: "来源链接", en: "Link to the source" },
  "sources.seedFile": { zh: "来源文本", en: "Source text" },

  purposeHistory: { zh: "用途与数据范围变更", en: "Changes of purpose and data scope" },
  "purposeHistory.date": { zh: "生效日期", en: "Took effect" },
  "purposeHistory.kind": { zh: "变更类别", en: "Kind of change" },
  "purposeHistory.change": { zh: "变更内容", en: "What changed" },
  "purposeHistory.reviewRef": { zh: "批准该变更的审查", en: "Review that allowed it" },
  "purposeHistory.sources": { zh: "所依据的来源", en: "Sources cited" },

  // version 1.1: fields of the record itself, outside the sections the forms edit
  externalIds: { zh: "其他登记簿编号", en: "Ids in other registers" },
  "externalIds.register": { zh: "登记簿", en: "Register" },
  "externalIds.id": { zh: "记录编号", en: "Id in that register" },
  "externalIds.url": { zh: "记录链接", en: "Link to the record there" },
  "externalIds.standardVersion": { zh: "所依标准版本", en: "Version of its standard" },
  "externalIds.publishedOn": { zh: "公开日期", en: "Published there" },
  "externalIds.updatedOn": { zh: "更新日期", en: "Updated there" },
  "externalIds.archivedOn": { zh: "归档日期", en: "Archived there" },
  classifications: { zh: "其他制度下的类别", en: "Classifications" },
  "classifications.scheme": { zh: "分类体系", en: "Scheme" },
  "classifications.value": { zh: "类别", en: "Class" },
  "classifications.justification": { zh: "归类理由", en: "Justification" },
  "classifications.date": { zh: "归类日期", en: "Date" },
  risks: { zh: "风险与应对", en: "Risks and mitigations" },
  "risks.risk": { zh: "风险", en: "Risk" },
  "risks.mitigation": { zh: "应对措施", en: "Mitigation" },
  procurement: { zh: "采购", en: "Procurement" },
  "procurement.mode": { zh: "建设方式", en: "In house or contracted" },
  "procurement.procedure": { zh: "采购程序", en: "Procurement procedure" },
  securityAuthorisation: { zh: "安全运行授权", en: "Security authorisation" },
  "securityAuthorisation.scheme": { zh: "授权制度", en: "Scheme" },
  "securityAuthorisation.status": { zh: "进展", en: "Status" },
  "securityAuthorisation.date": { zh: "日期", en: "Date" },
  "securityAuthorisation.note": { zh: "说明", en: "Note" },
  models: { zh: "模型", en: "Models" },
  "models.name": { zh: "模型名称", en: "Name of the model" },
  "models.description": { zh: "模型说明", en: "Description" },
  "models.url": { zh: "说明文档链接", en: "Link to its documentation" },
  datasets: { zh: "数据集", en: "Datasets" },
  "datasets.name": { zh: "数据集名称", en: "Name of the dataset" },
  "datasets.description": { zh: "数据集说明", en: "Description" },
  "datasets.url": { zh: "数据集链接", en: "Link to the dataset" },
  "datasets.phase": { zh: "开发或运行", en: "Development or operation" },
  "datasets.source": { zh: "数据来源", en: "Where the data comes from" },
  "datasets.collection": { zh: "收集方式", en: "How it was collected" },
  governance: { zh: "治理措施", en: "Governance" },
  ...governanceNames(),
  withheldRecord: { zh: "整条记录不予公开", en: "Whole record withheld" },
  "withheldRecord.ground": { zh: "不予公开的理由", en: "Ground" },
  "withheldRecord.legalCitation": { zh: "法律条款", en: "Legal provision" },
  regime: { zh: "适用规则", en: "Rules that govern the record" },
  "regime.governedBy": { zh: "适用哪方规则", en: "Governed by" },
  "regime.register": { zh: "来源登记簿", en: "Source register" },
  "regime.sourceUrl": { zh: "来源链接", en: "Link to the source record" },
  "regime.retrievedOn": { zh: "复制日期", en: "Copied on" },
  extensions: { zh: "其他登记簿的字段", en: "Fields from other registers" },
};

/** The governance answers (version 1.1): one topic each, with its status, detail and date. */
function governanceNames(): Record<string, FieldName> {
  const topics: Record<string, FieldName> = {
    testing: { zh: "测试", en: "Testing" },
    independentReview: { zh: "独立审查", en: "Independent review" },
    monitoring: { zh: "监测", en: "Monitoring" },
    training: { zh: "人员培训", en: "Training" },
    failSafe: { zh: "失灵保护", en: "Fail-safe" },
    appeal: { zh: "异议途径", en: "Appeal" },
    consultation: { zh: "公众咨询", en: "Consultation" },
  };
  const out: Record<string, FieldName> = {};
  for (const [t, n] of Object.entries(topics)) {
    out[`governance.${t}`] = n;
    out[`governance.${t}.status`] = { zh: "进展", en: "Status" };
    out[`governance.${t}.detail`] = { zh: "具体情况", en: "Detail" };
    out[`governance.${t}.date`] = { zh: "日期", en: "Date" };
  }
  return out;
}

/**
 * Forms that post one entry of a record's list on its own (the facts page: an incident, a period
 * of appeal statistics), by their root, mapped onto the list's path in the record.
 */
export const ENTRY_ROOTS: Record<string, string> = { incident: "incidents", appealStat: "oversight.appealStats" };

/**
 * A field's path in the record without row numbers: "dataScope.elements.2.retention" ->
 * "dataScope.elements.retention"; "incident.title" (the facts page) -> "incidents.title".
 */
export function fieldShape(path: string): string {
  const shape = path.replace(/\.\d+(?=\.|$)/g, "");
  const [head, ...rest] = shape.split(".");
  return Object.hasOwn(ENTRY_ROOTS, head!) ? [ENTRY_ROOTS[head!]!, ...rest].join(".") : shape;
}

/** The name of the field at `path` (row numbers allowed) in `lang`, or undefined when the table has none. */
export function fieldName(path: string, lang: "zh" | "en"): string | undefined {
  const shape = fieldShape(path);
  return Object.hasOwn(FIELD_NAMES, shape) ? FIELD_NAMES[shape]![lang] : undefined;
}
