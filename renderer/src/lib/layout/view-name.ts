/** The main area's views, one tab each. */
export type ViewName = 'timeline' | 'profile' | 'history' | 'compare';
