export * from './auth.ts';
export * from './organisation.ts';
export * from './pagination.ts';
export * from './permissions.ts';
export * from './problem.ts';
export * from './roles.ts';
export * from './text.ts';
export * from './validation.ts';
