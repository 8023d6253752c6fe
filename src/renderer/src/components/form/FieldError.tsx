/** One field's problem, right under the field; the input points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="field-error" id={id} data-testid="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
