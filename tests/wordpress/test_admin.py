import pytest

from .wxr import export, item

pytestmark = pytest.mark.django_db


def test_staff_see_the_import_records_but_cannot_change_them(import_wxr, admin_client):
    import_wxr(export(item(5, "Dzień Seniora", "Treść")))
    page = admin_client.get("/admin/wordpress/importrecord/")
    assert page.status_code == 200
    assert "Dzień Seniora" in page.content.decode()
    assert admin_client.get("/admin/wordpress/importrecord/add/").status_code == 403
