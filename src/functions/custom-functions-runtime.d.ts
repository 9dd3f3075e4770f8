// The part of Excel's CustomFunctions runtime global that excel.ts uses (CustomFunctionsRuntime 1.2),
// declared here rather than adding @types/custom-functions-runtime for three names.
declare namespace CustomFunctions {
  const ErrorCode: {
    readonly invalidValue: '#VALUE!';
    readonly notAvailable: '#N/A';
    readonly divisionByZero: '#DIV/0!';
    readonly invalidNumber: '#NUM!';
    readonly invalidReference: '#REF!';
    readonly invalidName: '#NAME?';
    readonly nullReference: '#NULL!';
  };
  type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];
  class Error {
    constructor(code: ErrorCodeValue, message?: string);
    code: ErrorCodeValue;
    message?: string;
  }
  function associate(id: string, fn: (...args: never[]) => unknown): void;
}
