"""Read-only API views."""
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def api_root(request):
    """The versioned root: lists the resources."""
    return Response({})
