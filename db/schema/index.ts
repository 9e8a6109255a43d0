export * from "./agencies";
export * from "./tools";
export * from "./revisions";
export * from "./accounts";
export * from "./events";
export * from "./reviews";
export * from "./comments";
export * from "./reports";
