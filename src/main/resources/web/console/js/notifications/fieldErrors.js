// The field errors of a problem from the server ({ errors: [{ field, message }] }) as
// field -> message (the message already in the request's language), so a screen shows each
// one under its own field; a problem without field errors gives an empty object.
export function fieldErrors(problem) {
  const errors = {};
  const list = problem && problem.body && Array.isArray(problem.body.errors) ? problem.body.errors : [];
  for (const error of list) {
    if (error && error.field && !errors[error.field]) errors[error.field] = error.message;
  }
  return errors;
}
