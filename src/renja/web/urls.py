from django.contrib.auth import views as auth_views
from django.urls import path

from renja.web.accounts import views as accounts
from renja.web.api import api
from renja.web.plans import editor, imports, views

urlpatterns = [
    path("", accounts.home, name="home"),
    path("masuk/", accounts.ThrottledLogin.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("renja/", views.plan_list, name="plan_list"),
    path("renja/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("renja/<int:pk>/unduh/<str:fmt>/", views.export, name="export"),
    path("renja/<int:pk>/baris/<str:path>/", editor.row_form, name="row_form"),
    path("renja/<int:pk>/baris/<str:path>/simpan/", editor.row_save, name="row_save"),
    path("impor/", imports.upload, name="import_upload"),
    path("impor/<int:pk>/", imports.preview, name="import_preview"),
    path("impor/<int:pk>/simpan/", imports.confirm, name="import_confirm"),
    path("impor/<int:pk>/batal/", imports.cancel, name="import_cancel"),
    path("publik/", views.public, name="public"),
    path("api/", api.urls),
]
