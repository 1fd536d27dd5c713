import { configureLogging } from '../../electron/core/logger';

// Tests stay quiet unless asked: DIAG_VERBOSE_TESTS=1 shows every log line.
configureLogging({ level: process.env.DIAG_VERBOSE_TESTS === '1' ? 'trace' : 'error' });
