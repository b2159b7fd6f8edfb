from django.contrib.auth import views as auth_views
from django.urls import path

from renja.web.accounts import admin_pemda
from renja.web.accounts import views as accounts
from renja.web.api import api
from renja.web.plans import cycle, editor, imports, tables, texts, views

urlpatterns = [
    path("", accounts.home, name="home"),
    path("masuk/", accounts.ThrottledLogin.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("renja/", views.plan_list, name="plan_list"),
    path("renja/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("renja/<int:pk>/unduh/<str:fmt>/", views.export, name="export"),
    path("renja/<int:pk>/baris/<str:path>/", editor.row_form, name="row_form"),
    path("renja/<int:pk>/baris/<str:path>/simpan/", editor.row_save, name="row_save"),
    path("renja/<int:pk>/baris/<str:path>/pratinjau/", editor.row_preview, name="row_preview"),
    path("renja/<int:pk>/baris/<str:path>/tambah/", editor.add_form, name="row_add"),
    path("renja/<int:pk>/baris/<str:path>/tambah/simpan/", editor.add_save,
         name="row_add_save"),
    path("renja/<int:pk>/baris/<str:path>/hapus/", editor.remove, name="row_remove"),
    path("renja/<int:pk>/teks/", texts.texts, name="plan_texts"),
    path("renja/<int:pk>/tabel/<str:key>/", tables.table, name="plan_table"),
    path("renja/<int:pk>/tabel/<str:key>/<int:index>/", tables.save_row, name="plan_table_row"),
    path("renja/<int:pk>/tabel/<str:key>/tambah/", tables.add_row, name="plan_table_add"),
    path("renja/<int:pk>/tabel/<str:key>/<int:index>/hapus/", tables.remove_row,
         name="plan_table_remove"),
    path("renja/<int:pk>/teks/simpan/", texts.save_text, name="plan_text_save"),
    path("renja/<int:pk>/tindakan/<str:action>/", cycle.act, name="plan_act"),
    path("renja/<int:pk>/catatan/", cycle.add_comment, name="plan_comment"),
    path("renja/<int:pk>/catatan/<int:comment_pk>/selesai/", cycle.resolve_comment,
         name="plan_comment_resolve"),
    path("renja/<int:pk>/versi/<str:a>/<str:b>/", cycle.compare, name="plan_compare"),
    path("renja/<int:pk>/audit/", cycle.audit, name="plan_audit"),
    path("verifikasi/", cycle.overview, name="overview"),
    path("impor/", imports.upload, name="import_upload"),
    path("impor/<int:pk>/", imports.preview, name="import_preview"),
    path("impor/<int:pk>/simpan/", imports.confirm, name="import_confirm"),
    path("impor/<int:pk>/batal/", imports.cancel, name="import_cancel"),
    path("publik/", views.public, name="public"),
    path("publik/<int:pk>/", views.public_plan, name="public_plan"),
    path("pemda/", admin_pemda.page, name="admin_pemda"),
    path("pemda/perangkat-daerah/", admin_pemda.add_agency, name="admin_add_agency"),
    path("pemda/pagu/", admin_pemda.set_ceiling, name="admin_ceiling"),
    path("pemda/tahun/", admin_pemda.open_year, name="admin_open_year"),
    path("pemda/pengguna/", admin_pemda.add_user, name="admin_add_user"),
    path("pemda/ranwal/", admin_pemda.load_ranwal, name="admin_ranwal"),
    path("pemda/jadwal/", admin_pemda.set_schedule, name="admin_schedule"),
    path("renja/<int:pk>/tabel/tc31/susun/", tables.generate_tc31_view, name="plan_tc31_generate"),
    path("renja/<int:pk>/tabel/tc32/impor/", tables.import_usulan, name="plan_tc32_import"),
    path("api/", api.urls),
]
