// Why an API request cannot be answered, in words a client's developer can act on. The app
// layer turns the code into an HTTP status; the registry knows nothing of HTTP.
export type ApiProblemCode = "bad_parameter" | "not_found";

export class ApiProblem extends Error {
  constructor(
    readonly code: ApiProblemCode,
    message: string,
    /** The query parameter at fault, for bad_parameter. */
    readonly param?: string,
    /** The values that parameter accepts, when they are a short list. */
    readonly allowed?: readonly string[],
  ) {
    super(message);
  }
}
