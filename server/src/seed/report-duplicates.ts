// Demo 举报 pinned on the map of 龙城街道, two of them about the same warehouse 80 m apart, so the handler's map
// shows points and a report's page shows a suggested duplicate to merge. Replayed through the real command.
import type { Tx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import { submitReportIn } from '../modules/reports/commands/submit-report';

export async function seedDemoReportDuplicates(tx: Tx, streetCode: string, vaultKey: string): Promise<void> {
  const today = cstDate();
  const pinned = [
    { lat: 22.7208, lon: 114.2462, enterpriseName: '龙翔冷链仓储', days: -3, description: '冷库氨制冷机房门口堆放杂物，报警器不响。' },
    {
      lat: 22.7215,
      lon: 114.2463,
      enterpriseName: '龙翔冷链仓储',
      days: -1,
      description: '冷库机房附近有刺鼻气味，疑似氨泄漏，工人未戴防护。',
    },
    { lat: 22.7302, lon: 114.2551, enterpriseName: null, days: -5, description: '工地塔吊下方无警戒，夜间施工无人看护。' },
  ];
  for (const p of pinned) {
    await submitReportIn(
      tx,
      { actor: null, ip: null, vaultKey, today: addDays(today, p.days) },
      {
        category: 'hidden_danger',
        areaCode: streetCode,
        address: '龙城街道龙翔大道',
        lat: p.lat,
        lon: p.lon,
        ...(p.enterpriseName ? { enterpriseName: p.enterpriseName } : {}),
        occurredOn: addDays(today, p.days - 1),
        description: p.description,
      },
    );
  }
}
