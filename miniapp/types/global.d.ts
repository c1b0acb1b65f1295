/// <reference types="@tarojs/taro" />
declare module '*.png';
declare module '*.css';
declare const API_BASE: string;
declare const APP_STAGE: string;
