import type { IndicatorId } from './types.ts';

/** Chinese names and units of every indicator id, shared by the packs (rules §3 and §4.1). */
export const INDICATOR_INFO: Record<IndicatorId, { name: string; unit: string }> = {
  above_degree_teachers_per_100: { name: '每百名学生拥有高于规定学历教师数', unit: '人/百生' },
  backbone_teachers_per_100: { name: '每百名学生拥有县级以上骨干教师数', unit: '人/百生' },
  pe_art_teachers_per_100: { name: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', unit: '人/百生' },
  teaching_area_per_student: { name: '生均教学及辅助用房面积', unit: '㎡/生' },
  sports_area_per_student: { name: '生均体育运动场馆面积', unit: '㎡/生' },
  equipment_value_per_student: { name: '生均教学仪器设备值', unit: '元/生' },
  multimedia_rooms_per_100: { name: '每百名学生拥有网络多媒体教室数', unit: '间/百生' },
  computers_per_100: { name: '每百名学生拥有计算机台数', unit: '台/百生' },
  books_per_student: { name: '生均图书册数', unit: '册/生' },
  teachers_per_100: { name: '师生比（每百名学生专任教师数）', unit: '人/百生' },
  senior_title_teachers_per_100: { name: '每百名学生拥有中级及以上专业技术职务教师数', unit: '人/百生' },
};
