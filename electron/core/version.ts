/** The engine's version, reported in `run.start` and in exports. */
export const ENGINE_VERSION = '0.1.0';

/** The SkylinkJS version each flavour announces in `Skylink_SDK_version`. */
export const SDK_VERSION_HEADER = { '0.6': '0.6.37', '2.x': '2.7.2' } as const;
