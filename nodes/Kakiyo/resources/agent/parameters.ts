/** What Simplify keeps of an agent (Get, Get Many): who it is, its state and what needs attention. */
export const SIMPLIFIED_AGENT = ['id', 'name', 'status', 'login', 'country', 'nextTask', 'alerts'];
