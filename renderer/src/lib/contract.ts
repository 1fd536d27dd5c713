// The renderer's one door to the shared contract. The layer rule's `electron` pattern also
// matches the path of `electron/contract` itself, so this re-export is the single place that
// reaches into it; everything else in the renderer imports from here.
// eslint-disable-next-line no-restricted-imports -- electron/contract is the allowed layer
export * from '../../../electron/contract';
