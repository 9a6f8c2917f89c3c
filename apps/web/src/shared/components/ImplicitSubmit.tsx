/**
 * Lets Enter in a text field submit a form whose visible save button sits outside it (in a modal
 * footer or drawer footer), as people expect from desktop forms.
 */
export function ImplicitSubmit() {
  return <button type="submit" hidden aria-hidden tabIndex={-1} />;
}
