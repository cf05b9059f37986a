import type { ReviewAnswer } from '../../../../shared/schemas/notes';

/** The questions the rep answered, then how many were asked without an answer recorded. */
export function ReviewAnswers({ answers }: { answers: ReviewAnswer[] }) {
  const answered = answers.filter((a) => a.answer);
  const open = answers.length - answered.length;
  if (answers.length === 0) return null;
  return (
    <ul className="plain-list small">
      {answered.map((a, i) => (
        <li key={i}>
          <em>{a.question}</em> — {a.answer}
        </li>
      ))}
      {open > 0 && (
        <li className="subtle">
          {open} {open === 1 ? 'question' : 'questions'} asked without an answer recorded
        </li>
      )}
    </ul>
  );
}
