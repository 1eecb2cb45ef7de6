export * from './schemas';
export * from './checker';
export * from './rulePack';
export * from './postCheck';
