/// <reference types="@tarojs/taro" />
declare const defineAppConfig: (config: import('@tarojs/taro').AppConfig) => import('@tarojs/taro').AppConfig;
declare const definePageConfig: (config: import('@tarojs/taro').PageConfig) => import('@tarojs/taro').PageConfig;
declare module '*.scss';
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
    TARO_APP_API_BASE: string;
    TARO_APP_QR_SIGN_IN_LINK: string;
  }
}
