app_name = "osl"

urlpatterns = []
