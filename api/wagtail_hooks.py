from wagtail import hooks

from core.hooks import REGISTER_DEMO_LOADERS

from . import demo
from .admin_views import api_key_viewset


@hooks.register("register_admin_viewset")
def register_api_keys():
    return api_key_viewset


@hooks.register(REGISTER_DEMO_LOADERS)
def demo_loaders():
    return demo.LOADERS
