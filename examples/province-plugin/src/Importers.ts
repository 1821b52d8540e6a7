/**
 * Step 6 of the walkthrough: an importer mapping. The city's staff keep their committees' activities
 * in a spreadsheet of their own, whose headers are not those of the interchange format of
 * `@hdnd/import` (`docs/interchange.md`). A mapping translates each of the city's headers to an
 * interchange header (Vietnamese or English), so the files import as they are. The headers below are
 * ILLUSTRATIVE.
 *
 * Attributes of an activity kind map to `attributes.<name>` (any `attributes.<name>` header is accepted
 * for activities).
 *
 * @since 0.1.0
 */
import type { Plugin } from "@hdnd/core"

/**
 * The id of the mapping of the city's activities sheet.
 *
 * @since 0.1.0
 * @category ids
 */
export const ACTIVITIES_MAPPING_ID = "da-nang/hoat-dong-ban"

/**
 * The city's activities sheet ("Hoạt động của các Ban"): its header → the interchange header.
 *
 * @since 0.1.0
 * @category data
 */
export const activitiesMapping: Plugin.ImporterMapping = {
  id: ACTIVITIES_MAPPING_ID,
  vi: "Bảng theo dõi hoạt động của các Ban HĐND thành phố Đà Nẵng",
  en: "Activity sheet of the Đà Nẵng city council committees",
  entity: "activities",
  columns: {
    "Mã hoạt động": "Mã",
    "Hội đồng": "HĐND",
    "Hình thức": "Loại hoạt động",
    "Ban chủ trì": "Cơ quan chủ trì",
    "Thuộc thẩm quyền": "Thuộc thẩm quyền của",
    "Nội dung giải trình": "Nội dung",
    "Ngày tổ chức": "Từ ngày",
    "Ngày kết thúc": "Đến ngày",
    "Số văn bản": "Số, ký hiệu",
    "Nơi tổ chức": "Nơi tiến hành",
    "Số cơ quan giải trình": "attributes.agencies",
    "Số nội dung cam kết": "attributes.commitments",
    "Truyền hình trực tiếp": "attributes.broadcastLive"
  }
}

/**
 * The importer mappings of the plugin.
 *
 * @since 0.1.0
 * @category data
 */
export const importers: ReadonlyArray<Plugin.ImporterMapping> = [activitiesMapping]
