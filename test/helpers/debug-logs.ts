/**
 * Imported first by a test that reads every log line: the logger takes its level
 * when it is made, and Powertools restores that level at each request.
 */
process.env.LOG_LEVEL = 'DEBUG';
