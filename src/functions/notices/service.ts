/**
 * The notices' use cases for the handler, by reason: reading (view), a notice's steps from draft to
 * withdrawal (steps), questions, ratings. Other resources import the piece they need from its own module.
 */
export * from './questions';
export * from './ratings';
export * from './steps';
export * from './view';
