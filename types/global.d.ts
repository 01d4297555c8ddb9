/// <reference types="@tarojs/taro" />
declare const defineAppConfig: (config: import('@tarojs/taro').AppConfig) => import('@tarojs/taro').AppConfig;
declare const definePageConfig: (config: import('@tarojs/taro').PageConfig) => import('@tarojs/taro').PageConfig;
declare module '*.scss';
/** WeChat's own requirePlugin (Taro.requirePlugin is a stub that only warns): present in the mini-program where app.json declares plugins. */
declare const requirePlugin: ((name: string) => unknown) | undefined;
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
    TARO_APP_API_BASE: string;
    TARO_APP_QR_SIGN_IN_LINK: string;
  }
}
