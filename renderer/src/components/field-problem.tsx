// A field's problem in words, announced as it appears; fields name it in their aria-describedby.
export function FieldProblem({ id, message }: { id?: string; message: string }) {
  return (
    <p id={id} className="field-problem" role="alert">
      {message}
    </p>
  );
}
