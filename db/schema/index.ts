export * from "./agencies";
export * from "./tools";
export * from "./revisions";
