import { Route, Routes } from 'react-router';
import { Layout } from './layout';
import { CollectionPage } from './pages/collection-page';
import { CouncilOverviewPage } from './pages/council-overview-page';
import { CouncillorFootprintPage } from './pages/councillor-footprint-page';
import { NotFoundPage } from './pages/not-found-page';
import { PilotPage } from './pages/pilot-page';
import { SupportPage } from './pages/support-page';
import { WardDetailPage } from './pages/ward-detail-page';
import { WardsPage } from './pages/wards-page';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<CouncilOverviewPage />} />
        <Route path="councillors/:id" element={<CouncillorFootprintPage />} />
        <Route path="support" element={<SupportPage />} />
        <Route path="wards" element={<WardsPage />} />
        <Route path="wards/:code" element={<WardDetailPage />} />
        <Route path="pilot" element={<PilotPage />} />
        <Route path="admin/collection" element={<CollectionPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
