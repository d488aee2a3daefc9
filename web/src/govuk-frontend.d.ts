/** The part of GOV.UK Frontend's JavaScript the workspace uses (the package ships no type declarations). */
declare module 'govuk-frontend' {
  export class ErrorSummary {
    public constructor(root: Element);
  }
}
