"""The floor for the recommendations list payload: the same JSON as
GET /api/v1/recommendations/ (filters status, cluster, addressee; page, page_size), built
by PostgreSQL in ONE hand-written query (window count, json_agg), with no ORM, no
serializer, no DRF and no authentication. Only the benchmark mounts it."""

from django.db import connection
from django.http import HttpResponse, JsonResponse

SQL = """
WITH page AS (
    SELECT r.id, r.text, r.status, r.updated_at, r.position, c.name AS cluster, count(*) OVER () AS total
    FROM recommendations_recommendation r
    JOIN recommendations_cluster c ON c.id = r.cluster_id
    WHERE (%(status)s::text IS NULL OR r.status = %(status)s::text)
      AND (%(cluster)s::text IS NULL OR c.slug = %(cluster)s::text)
      AND (%(addressee)s::text IS NULL OR EXISTS (
            SELECT 1 FROM recommendations_suggestedaction a0
            JOIN entities_addresseegroup g0 ON g0.id = a0.addressee_id
            WHERE a0.recommendation_id = r.id AND g0.slug = %(addressee)s::text))
    ORDER BY r.position, r.id
    LIMIT %(limit)s OFFSET %(offset)s
)
SELECT json_build_object(
    'count', COALESCE(max(page.total), 0),
    'next', CASE WHEN %(offset)s + %(limit)s < COALESCE(max(page.total), 0)
                 THEN %(base)s || 'page=' || (%(page)s + 1) END,
    'previous', CASE WHEN %(page)s > 1 THEN %(base)s || 'page=' || (%(page)s - 1) END,
    'results', COALESCE(json_agg(json_build_object(
        'id', page.id,
        'references', (
            SELECT COALESCE(json_agg(json_build_object('report', rp.symbol, 'number', rf.number)
                                     ORDER BY rf.position, rf.id), '[]')
            FROM recommendations_reference rf JOIN recommendations_report rp ON rp.id = rf.report_id
            WHERE rf.recommendation_id = page.id),
        'text', page.text,
        'cluster', page.cluster,
        'status', page.status,
        'updated_at', to_char(page.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'actions', (
            SELECT COALESCE(json_agg(json_build_object(
                'id', a.id,
                'addressee', g.slug,
                'text', a.text,
                'status', a.status,
                'implementing_entities', (
                    SELECT COALESCE(json_agg(e.acronym ORDER BY e.acronym), '[]')
                    FROM recommendations_suggestedaction_implementing_entities ae
                    JOIN entities_entity e ON e.id = ae.entity_id
                    WHERE ae.suggestedaction_id = a.id),
                'updated_at', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
            ) ORDER BY a.position, a.id), '[]')
            FROM recommendations_suggestedaction a JOIN entities_addresseegroup g ON g.id = a.addressee_id
            WHERE a.recommendation_id = page.id)
    ) ORDER BY page.position, page.id), '[]')
)::text
FROM page
"""


def reference_list(request):
    try:
        page = max(1, int(request.GET.get("page", 1)))
        limit = min(200, max(1, int(request.GET.get("page_size", 50))))
    except ValueError:
        return JsonResponse({"detail": "page and page_size must be numbers"}, status=400)
    query = request.GET.copy()
    query.pop("page", None)
    base = request.build_absolute_uri(request.path) + "?" + (query.urlencode() + "&" if query else "")
    params = {
        "status": request.GET.get("status") or None,
        "cluster": request.GET.get("cluster") or None,
        "addressee": request.GET.get("addressee") or None,
        "limit": limit,
        "offset": (page - 1) * limit,
        "page": page,
        "base": base,
    }
    with connection.cursor() as cursor:
        cursor.execute(SQL, params)
        (body,) = cursor.fetchone()
    return HttpResponse(body, content_type="application/json")
