import { Global, Module } from '@nestjs/common';
import { AppConfig, loadAppConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Provides the config parsed once at boot; nothing else reads `process.env`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = loadAppConfig()) {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
