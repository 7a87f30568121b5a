export { GlobalDashboard, type DashboardRegion, type GlobalDashboardProps } from "./global";
export { RegionalDashboard, type RegionalDashboardProps } from "./regional";
export { GRID_WIDTH, type MetricQuery, type Widget, alarmStatus, dashboardBody, graph, singleValue } from "./widgets";
