"""A review's own page: Oscar's view shows any review by its number, so a review
waiting for moderation (spam links and all) would be public at its URL."""

from oscar.apps.catalogue.reviews.views import ProductReviewDetail as OscarProductReviewDetail


class ProductReviewDetail(OscarProductReviewDetail):
    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(status=self.model.APPROVED, product_id=self.kwargs["product_pk"], product__is_public=True)
        )
