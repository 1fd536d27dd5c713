// The renderer's one door to the shared contract: everything in the renderer imports the
// contract from here, so no component reaches into `electron/` itself.
export * from '../../../electron/contract';
