/**
 * The 18 streets (街道) of Yuexiu district. Each has a service centre (便民服务中心); an application
 * counts towards the applicant's street in the street dashboards (街道绩效).
 */
export const STREETS = [
  { id: 'beijing', name: '北京街道' },
  { id: 'renmin', name: '人民街道' },
  { id: 'hongqiao', name: '洪桥街道' },
  { id: 'liuhua', name: '流花街道' },
  { id: 'guangta', name: '光塔街道' },
  { id: 'liurong', name: '六榕街道' },
  { id: 'dongshan', name: '东山街道' },
  { id: 'nonglin', name: '农林街道' },
  { id: 'meihuacun', name: '梅花村街道' },
  { id: 'huanghuagang', name: '黄花岗街道' },
  { id: 'huale', name: '华乐街道' },
  { id: 'jianshe', name: '建设街道' },
  { id: 'datang', name: '大塘街道' },
  { id: 'zhuguang', name: '珠光街道' },
  { id: 'dadong', name: '大东街道' },
  { id: 'baiyun', name: '白云街道' },
  { id: 'dengfeng', name: '登峰街道' },
  { id: 'kuangquan', name: '矿泉街道' },
] as const;
export type StreetId = (typeof STREETS)[number]['id'];
export const streetName = (id: string | undefined) => STREETS.find((s) => s.id === id)?.name;
