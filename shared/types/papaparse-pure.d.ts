// The part of papaparse's API shared/ uses, typed without Node. @types/papaparse pulls in Node's
// types (`/// <reference types="node" />`), which would let shared/ use Node globals unnoticed;
// tsconfig.shared.json maps 'papaparse' here, while the other configs use the full types.
declare module 'papaparse' {
  interface ParseConfig {
    delimiter?: string;
    skipEmptyLines?: boolean | 'greedy';
    preview?: number;
  }
  interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
  }
  const Papa: { parse<T>(input: string, config?: ParseConfig): ParseResult<T> };
  export default Papa;
}
