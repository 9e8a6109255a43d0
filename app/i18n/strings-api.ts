// Interface strings for the api pages, merged into strings.ts. Kept apart so that work on one
// area does not edit the shared table; a key missing in one language fails the typecheck.
const en = {
  apiTitle: "Open data API",
  apiIntro:
    "Everything public in the register can be read by programs as JSON: tools with the same filters as the list, each record and all its revisions, agencies, incidents and the hash-chained event log. The API is read-only and open: no key, no account, no charge.",
  apiOpenApi: "OpenAPI 3.1 description",
  apiOpenApiNote: "Machine-readable description of every endpoint, parameter and answer, for code generators and API tools.",
  apiEndpoints: "Endpoints",
  apiColumnEndpoint: "Endpoint",
  apiColumnReturns: "What it returns",
  apiColumnExample: "Example",
  apiOp_getApiIndex: "Links to the endpoints and to this documentation.",
  apiOp_listTools: "Registered tools. Filters as on the tool list: q, kind, jurisdiction, status, review, level, sunset, category, sensitive, agency; sort (relevance, name, updated, sunset); lang for the name order.",
  apiOp_getTool: "One tool: its latest published revision, impact level, sunset state, reviews and decisions, and moderated comments with replies. A slug redirects (301) to the id.",
  apiOp_listToolRevisions: "Every submitted revision of a tool with the full record, the decisions on each and the tool's entries in the event log.",
  apiOp_listAgencies: "Every agency with the number of public tools it has a role in.",
  apiOp_getAgency: "One agency, its parent and child agencies, and its tools with its roles.",
  apiOp_listIncidents: "Incidents on public records, newest first. Filters: kind, year.",
  apiOp_listEvents: "The event log, oldest first, with the result of verifying the hash chain. Filter: tool. Use after=<event id> to fetch only new events.",
  apiOp_getOpenApiDocument: "The OpenAPI 3.1 description of this API.",
  apiPagingTitle: "Pages",
  apiPaging:
    "Lists come in pages of limit items (default {default}, at most {max}). Each answer has total (all matches), items, nextCursor and next. Follow next until it is null: each item appears exactly once, even if records are added while you read.",
  apiFiltersTitle: "Filters",
  apiFilters:
    "Filter values are checked as on the HTML list: an unknown value is ignored and listed in notices, never an error. A limit or cursor that is not valid is an error (400). A filter may be given several times: its values are alternatives, and different filters must all hold. For example, kind=code_system&sunset=lapsed&sunset=no_sunset asks for code systems whose end date has passed or was never set. The list page, the exports and the feeds take the same query.",
  apiCachingTitle: "Caching",
  apiCaching:
    "Every answer has an ETag and, where known, Last-Modified. Send them back in If-None-Match or If-Modified-Since: if nothing changed, the answer is 304 with no body.",
  apiErrorsTitle: "Errors",
  apiErrors:
    "Errors are JSON with error (a code) and message (what to change): 400 for a bad parameter (param names it), 404 for an unknown record or path, 405 for any method but GET, HEAD and OPTIONS, 500 for a fault in the register.",
  apiCorsTitle: "Use from web pages",
  apiCors: "Any web page may call the API from the browser: answers carry Access-Control-Allow-Origin: *.",
  apiPrivacyTitle: "What is never in the API",
  apiPrivacy:
    "Drafts, contact e-mails of people who comment or report, comments awaiting moderation or marked as spam, the text of removed comments, accounts and sessions. The API holds exactly what the register's pages show.",
  apiBulkTitle: "Bulk downloads",
  apiBulk: "For a whole table at once, the list's CSV, JSON and NDJSON exports take the same filters:",
  apiStandardLink: "The record standard v1.1 describes every field of a record.",
  apiStandardSection: "API",
  apiStandardSectionText: "The records are also available as JSON through the open read-only API.",
  apiStandardSectionLink: "API documentation",
};

const zh: Record<keyof typeof en, string> = {
  apiTitle: "开放数据接口（API）",
  apiIntro:
    "登记簿中所有公开内容都可以由程序以 JSON 格式读取：与列表页相同筛选条件的工具、每条记录及其全部版本、机构、事件以及带哈希链的操作日志。本接口只读且开放：无需密钥，无需账户，不收费。",
  apiOpenApi: "OpenAPI 3.1 接口描述",
  apiOpenApiNote: "以机器可读的方式描述每个端点、参数和返回内容，可供代码生成器和接口工具使用。",
  apiEndpoints: "端点",
  apiColumnEndpoint: "端点",
  apiColumnReturns: "返回内容",
  apiColumnExample: "示例",
  apiOp_getApiIndex: "各端点及本说明页的链接。",
  apiOp_listTools:
    "已登记的工具。筛选条件与工具列表相同：q、kind、jurisdiction、status、review、level、sunset、category、sensitive、agency；排序 sort（relevance、name、updated、sunset）；lang 决定按哪种语言的名称排序。",
  apiOp_getTool: "单个工具：最新公开版本、影响等级、终止状态、审查与决定，以及经审核的评论和答复。使用 slug 访问时以 301 跳转到编号地址。",
  apiOp_listToolRevisions: "工具的每个已提交版本（含完整记录）、对每个版本的决定，以及该工具在操作日志中的条目。",
  apiOp_listAgencies: "所有机构及其承担角色的公开工具数量。",
  apiOp_getAgency: "单个机构、其上级和下级机构，以及它承担角色的工具。",
  apiOp_listIncidents: "公开记录中的事件，最新的在前。筛选条件：kind、year。",
  apiOp_listEvents: "操作日志，最早的在前，附哈希链校验结果。筛选条件：tool。使用 after=<记录编号> 只获取新的日志记录。",
  apiOp_getOpenApiDocument: "本接口的 OpenAPI 3.1 描述。",
  apiPagingTitle: "分页",
  apiPaging:
    "列表按每页 limit 条返回（默认 {default} 条，最多 {max} 条）。每个回答包含 total（全部匹配数）、items、nextCursor 和 next。沿着 next 一直读取到它为 null：即使读取期间有新记录加入，每一项也只出现一次。",
  apiFiltersTitle: "筛选",
  apiFilters:
    "筛选值的检查方式与网页列表相同：无法识别的值会被忽略并列在 notices 中，不会报错。无效的 limit 或 cursor 会返回错误（400）。同一筛选条件可以给出多次，表示“其中任一”；不同筛选条件须同时满足。例如 kind=code_system&sunset=lapsed&sunset=no_sunset 表示终止日期已过或从未设定的码类系统。列表页、数据导出和订阅源使用同样的查询。",
  apiCachingTitle: "缓存",
  apiCaching: "每个回答都带有 ETag，已知时还带有 Last-Modified。在 If-None-Match 或 If-Modified-Since 中发回：如果没有变化，回答为 304，不含正文。",
  apiErrorsTitle: "错误",
  apiErrors:
    "错误以 JSON 返回，包含 error（错误代码）和 message（应如何修改）：参数无效为 400（param 指明是哪个参数），记录或路径不存在为 404，GET、HEAD、OPTIONS 以外的请求方法为 405，登记簿内部故障为 500。",
  apiCorsTitle: "在网页中使用",
  apiCors: "任何网页都可以在浏览器中调用本接口：回答带有 Access-Control-Allow-Origin: *。",
  apiPrivacyTitle: "接口中绝不包含的内容",
  apiPrivacy: "草稿、评论者和举报人的联系邮箱、待审核或被标记为垃圾信息的评论、被删除评论的正文、账户和会话。接口提供的内容与登记簿网页显示的完全一致。",
  apiBulkTitle: "批量下载",
  apiBulk: "如需一次获取整张表，列表的 CSV、JSON 和 NDJSON 导出支持相同的筛选条件：",
  apiStandardLink: "记录标准 v1.1 说明了记录中的每个字段。",
  apiStandardSection: "接口（API）",
  apiStandardSectionText: "这些记录也可以通过开放的只读接口以 JSON 格式获取。",
  apiStandardSectionLink: "接口说明",
};

export const apiStrings = { en, zh };
