"""Oscar's checkout steps in the order a salon customer needs them.

Oscar asks for the shipping address before the shipping method. Here the customer first
chooses how to get the order (pickup in the salon or delivery) and is asked for an address
only for delivery. The steps:

    contact (gateway) → shipping method → shipping address (delivery only) → payment

A pickup order is placed without a shipping address; Oscar's pre-conditions that require one
are relaxed exactly when the chosen method is pickup.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import views as oscar_views

from . import l10n
from .accounts import GatewayView
from .shipping.repository import PICKUP_CODES, Repository

CONTACT, METHOD, ADDRESS, PAYMENT, DONE = 1, 2, 3, 4, 5
STEP_LABELS = {
    CONTACT: gettext_lazy("Contact"),
    METHOD: gettext_lazy("Delivery"),
    ADDRESS: gettext_lazy("Address"),
    PAYMENT: gettext_lazy("Payment"),
    DONE: gettext_lazy("Confirmation"),
}


def chosen_method_code(request):
    return request.session.get("checkout_data", {}).get("shipping", {}).get("method_code")


def is_pickup(request):
    return chosen_method_code(request) in PICKUP_CODES


def checkout_steps(request):
    """[(number, label)] of the steps this customer goes through (no address step for pickup)."""
    return [(n, label) for n, label in STEP_LABELS.items() if not (n == ADDRESS and is_pickup(request))]


class PickupAwareMixin:
    """Oscar's session checks, with no shipping address needed for a pickup order."""

    def check_shipping_data_is_captured(self, request):
        # The method is chosen first, so a missing method sends the customer there first.
        if request.basket.is_shipping_required():
            self.check_a_valid_shipping_method_is_captured()
            self.check_a_valid_shipping_address_is_captured()
            return
        super().check_shipping_data_is_captured(request)

    def check_a_valid_shipping_address_is_captured(self):
        if is_pickup(self.request):
            return
        super().check_a_valid_shipping_address_is_captured()

    def get_shipping_address(self, basket):
        if is_pickup(self.request):
            return None
        return super().get_shipping_address(basket)


class PasswordForReturningCustomers(forms.PasswordInput):
    """Needed only for "I have an account": the browser must not demand it from guests
    (Oscar's own page disabled it with jQuery; the form's clean() still checks it when signing in)."""

    def use_required_attribute(self, initial):
        return False


class IndexView(PickupAwareMixin, GatewayView):
    """The gateway (contact step) with guarded password checks (shop/accounts.py); then the method."""

    success_url = reverse_lazy("checkout:shipping-method")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if "password" in form.fields:
            form.fields["password"].widget = PasswordForReturningCustomers(attrs=form.fields["password"].widget.attrs)
        return form

    def form_valid(self, form):
        response = super().form_valid(form)
        # Oscar sends new accounts back to the address step; ours comes next.
        if form.is_new_account_checkout():
            url = response.url.replace(reverse("checkout:shipping-address"), reverse("checkout:shipping-method"))
            return redirect(url)
        return response


class ShippingMethodView(PickupAwareMixin, oscar_views.ShippingMethodView):
    """The first choice after contact details: no address is needed to offer the methods."""

    def get(self, request, *args, **kwargs):
        if not request.basket.is_shipping_required():
            return super().get(request, *args, **kwargs)
        self._methods = self.get_available_shipping_methods()
        return super(oscar_views.ShippingMethodView, self).get(request, *args, **kwargs)

    def get_available_shipping_methods(self):
        # The choice is made before any address is known: offer every method.
        return Repository().get_shipping_methods(
            basket=self.request.basket, user=self.request.user, shipping_addr=None, request=self.request
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["selected_method_code"] = chosen_method_code(self.request)
        return context

    def form_valid(self, form):
        code = form.cleaned_data["method_code"]
        self.checkout_session.use_shipping_method(code)
        if code in PICKUP_CODES:
            return redirect("checkout:payment-method")
        return redirect("checkout:shipping-address")


class ShippingAddressView(PickupAwareMixin, oscar_views.ShippingAddressView):
    success_url = reverse_lazy("checkout:payment-method")
    pre_conditions = oscar_views.ShippingAddressView.pre_conditions + ["check_shipping_method_is_chosen"]

    def check_shipping_method_is_chosen(self, request):
        if not chosen_method_code(request):
            raise exceptions.FailedPreCondition(url=reverse("checkout:shipping-method"))
        if is_pickup(request):
            # Pickup needs no address: straight on to payment.
            raise exceptions.FailedPreCondition(url=reverse("checkout:payment-method"))

    def get_form(self, form_class=None):
        return l10n.localise_country_field(super().get_form(form_class))

    def form_invalid(self, form):
        messages.error(self.request, _("Please check the address."))
        return super().form_invalid(form)


class UserAddressUpdateView(oscar_views.UserAddressUpdateView):
    def get_form(self, form_class=None):
        return l10n.localise_country_field(super().get_form(form_class))


class PaymentMethodView(PickupAwareMixin, oscar_views.PaymentMethodView):
    pass
