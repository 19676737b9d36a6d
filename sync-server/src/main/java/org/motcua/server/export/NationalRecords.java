package org.motcua.server.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;

/**
 * The national portal's records (domain.md, "The national portal's records") built from the events as synced: a
 * dossier's reception and its steps up to the record's own. Pure functions of stored events, so a record sent again
 * after a crash is the same record. Members the events do not carry are present and empty, never invented: MaLinhVuc
 * (the catalogue has field names, no field codes), Fax, ChucDanh, DanhSachLePhi (the desk records no fees paid yet),
 * DuongDanTaiTepTin and DuongDanTepTinKetQua (files stay on the province's server). DanhSachGiayToKetQua lists the
 * digitised result a step carried (its scans, named with the result's number).
 */
public final class NationalRecords {

    public static final String DOSSIER_SERVICE = "DongBoHoSoMC";
    public static final String PROGRESS_SERVICE = "CapNhatTienDoHoSoMC";

    /** What a record says about the dossier besides its events: the unit's and the procedure's names. */
    public record Facts(DossierReceived received, String unitName, String procedureName) {
    }

    /** One synced step and its event. */
    public record Step(String eventId, DossierActionTaken action) {
    }

    private NationalRecords() {
    }

    /** DongBoHoSoMC: the dossier as it stands after {@code steps} (the steps up to the record's, in step order). */
    public static ObjectNode dossier(Facts facts, List<Step> steps) {
        DossierReceived r = facts.received();
        DossierFold f = DossierFold.of(r, steps);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("MaHoSo", r.dossierCode());
        o.put("MaTTHC", r.procedure().code());
        o.put("TenTTHC", facts.procedureName());
        o.put("MaLinhVuc", "");
        o.put("TenLinhVuc", r.procedure().field());
        o.put("KenhThucHien", r.channel());
        o.put("ChuHoSo", r.applicant().fullName());
        o.put("LoaiDoiTuong", "ORGANISATION".equals(r.applicant().kind()) ? 2 : 1);
        o.put("MaDoiTuong", r.applicant().citizenId().orElse(""));
        o.put("ThongTinKhac", address(r.applicant().address()));
        o.put("Email", r.applicant().email());
        o.put("Fax", "");
        o.put("SoDienThoai", r.applicant().phone());
        o.put("TrichYeuHoSo", r.note().isBlank() ? facts.procedureName() : facts.procedureName() + ": " + r.note());
        o.put("NgayTiepNhan", PortalFormats.time(f.receivedAt));
        o.put("NgayHenTra", PortalFormats.time(f.dueAt));
        o.put("TrangThaiHoSo", PortalFormats.status(f.status));
        o.put("NgayTra", PortalFormats.time(f.returnedAt));
        o.put("ThongTinTra", f.returnInfo);
        o.put("HinhThuc", f.byPost ? 1 : 0);
        o.put("NgayKetThucXuLy", PortalFormats.time(f.endedAt));
        o.put("DonViXuLy", facts.unitName());
        o.put("GhiChu", r.note());
        o.putArray("DanhSachLePhi");
        ArrayNode docs = o.putArray("DanhSachTepDinhKemKhac");
        r.documents().forEach(d -> docs.addObject().put("TenGiayTo", d.name()).put("SoLuong", d.count())
                .put("LoaiGiayTo", PortalFormats.documentForm(d.form())));
        ArrayNode supplements = o.putArray("DanhSachHoSoBoSung");
        for (DossierFold.Supplement s : f.supplements) {
            ObjectNode n = supplements.addObject();
            n.put("HoSoBoSungId", s.eventId);
            n.put("NguoiYeuCauBoSung", s.requestedBy);
            n.put("NoiDungBoSung", s.content);
            n.put("NgayBoSung", PortalFormats.time(s.requestedAt));
            n.put("NguoiTiepNhanBoSung", s.receivedBy);
            n.put("ThongTinTiepNhan", s.receiptNote);
            n.put("NgayTiepNhanBoSung", PortalFormats.time(s.receivedAt));
            n.put("TrangThaiBoSung", s.receivedAt == null ? 0 : 1);
            n.putArray("DanhSachGiayToBoSung");
            n.putArray("DanhSachLePhiBoSung");
            n.put("NgayHenTraTruoc", PortalFormats.time(s.dueBefore));
            n.put("NgayHenTraMoi", PortalFormats.time(s.dueAfter));
        }
        ArrayNode files = o.putArray("TaiLieuNop");
        r.attachments().forEach(sha -> files.addObject().put("TepDinhKemId", sha).put("TenTepDinhKem", sha)
                .put("MaThanhPhanHoSo", "").put("DuongDanTaiTepTin", "").put("IsDeleted", false));
        ArrayNode results = o.putArray("DanhSachGiayToKetQua");
        for (Step s : steps) {   // the digitised result a step carried: its number names each of its scans
            s.action().result().ifPresent(res -> res.files().forEach(file -> results.addObject().put("GiayToId", file.sha256())
                    .put("TenGiayTo", file.document().isBlank() ? res.number() : file.document() + " số " + res.number())
                    .put("MaThanhPhanHoSo", "").put("DuongDanTepTinKetQua", "")));
        }
        return o;
    }

    /** CapNhatTienDoHoSoMC: one step, with the dossier's due time as it stood after it when the step has no deadline. */
    public static ObjectNode progress(Facts facts, List<Step> steps, Step step) {
        DossierActionTaken a = step.action();
        DossierFold f = DossierFold.of(facts.received(), steps);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("MaHoSo", a.dossierCode());
        o.put("NguoiXuLy", a.from());
        o.put("ChucDanh", "");
        o.put("ThoiDiemXuLy", PortalFormats.time(a.at()));
        o.put("PhongBanXuLy", facts.unitName());
        o.put("NoiDungXuLy", a.note().isBlank() ? PortalFormats.action(a.action())
                : PortalFormats.action(a.action()) + ": " + a.note());
        o.put("TrangThai", PortalFormats.status(a.status()));
        o.put("NgayBatDau", PortalFormats.time(a.at()));
        o.put("NgayKetThucTheoQuyDinh", a.stepDeadline().map(PortalFormats::time).orElse(PortalFormats.time(f.dueAt)));
        return o;
    }

    private static String address(DossierReceived.Address a) {
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {a.detail(), a.commune(), a.province()}) {
            if (!part.isBlank()) {
                s.append(s.isEmpty() ? "" : ", ").append(part);
            }
        }
        return s.toString();
    }
}
