// @ts-check
/**
 * My interviews as lists: waiting or ended, and in the order to show. Pure functions: Python
 * says each interview's next step and whether it is overdue; this module only sorts by them.
 *
 * @typedef {import("./interview-record.js").Interview} Interview
 * @typedef {import("./protocol.js").InterviewSummary} InterviewSummary
 * @typedef {import("./protocol.js").Fields} Fields
 */

import { addressFor } from "./address.js";

/**
 * Interviews still waiting to hear, and those the reader has heard back about; each list
 * newest saved first.
 * @param {Interview[]} interviews
 */
export function byOutcome(interviews) {
  const newest = [...interviews].sort((a, b) => (a.saved < b.saved ? 1 : a.saved > b.saved ? -1 : 0));
  return {
    waiting: newest.filter((interview) => !interview.outcome),
    ended: newest.filter((interview) => interview.outcome),
  };
}

/**
 * Where an interview goes in the list: overdue steps first, then the soonest step, then
 * those Python cannot plan, then those it has not answered for yet (each group keeps its order).
 * @param {InterviewSummary | undefined} summary
 * @returns {[number, string]}
 */
function rank(summary) {
  if (!summary) return [3, ""];
  if (!summary.ok) return [2, ""];
  return [summary.next.overdue ? 0 : 1, summary.next.date];
}

/**
 * The interviews in the order to show, given Python's summaries (by interview id).
 * @param {Interview[]} interviews
 * @param {Map<string, InterviewSummary>} summaries
 */
export function inOrder(interviews, summaries) {
  const ranked = interviews.map((interview, index) => ({ interview, index, rank: rank(summaries.get(interview.id)) }));
  ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1].localeCompare(b.rank[1]) || a.index - b.index);
  return ranked.map(({ interview }) => interview);
}

/**
 * The reader's own words for an interview, shown until Python has written its title: the
 * interview day and region as they were typed.
 * @param {Fields} fields
 */
export function typedInputs(fields) {
  return [fields.interviewed, fields.region].filter(Boolean).join(" · ");
}

/**
 * The key under which a summary of Python's stays good: the same inputs on the same day.
 * @param {Interview} interview
 * @param {string} today
 */
export function summaryKey(interview, today) {
  return `${today}\u001f${JSON.stringify(Object.entries(interview.fields).sort())}`;
}

/**
 * The interviews as Python is asked about them: each one's id as its key, and its inputs.
 * With `page` (the calculator page's address), each one's `link` too: the plan's own address
 * there, which its calendar events lead back to, as the calculator's own file's do.
 * @param {Interview[]} interviews
 * @param {string} [page]
 */
export function entries(interviews, page = "") {
  return interviews.map((interview) => ({
    key: interview.id,
    fields: page ? { ...interview.fields, link: addressFor(page, interview.fields) } : interview.fields,
  }));
}
