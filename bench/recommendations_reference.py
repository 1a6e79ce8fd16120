"""The floor for the recommendations list payload: the same JSON as
GET /api/v1/recommendations/ (filters status, cluster, addressee; cursor, page_size), built
by PostgreSQL in ONE hand-written query (keyset condition, nested json_agg), with no ORM, no
serializer, no DRF and no authentication. Python only wraps the query's JSON with the two
links. Only the benchmark mounts it."""

import base64
import json

from django.db import connection
from django.http import HttpResponse, JsonResponse
from rest_framework.utils.urls import replace_query_param

from config.pagination import cursor_token

# Only the filters given become conditions: a catch-all "(%(x)s IS NULL OR column = %(x)s)"
# hides from the planner which conditions hold, and it then hashes every action of the
# addressee instead of probing the (addressee, recommendation) index for the rows of the page.
CONDITIONS = {
    "status": "r.status = %(status)s",
    "cluster": "r.cluster_id = (SELECT id FROM recommendations_cluster WHERE slug = %(cluster)s)",
    "addressee": """EXISTS (
            SELECT 1 FROM recommendations_suggestedaction a0
            WHERE a0.recommendation_id = r.id
              AND a0.addressee_id = (SELECT id FROM entities_addresseegroup WHERE slug = %(addressee)s))""",
    "after_position": """(r.position >= %(after_position)s
           AND (r.position > %(after_position)s OR r.id > %(after_id)s))""",
}

SQL = """
WITH page AS (
    SELECT r.id, r.text, r.status, r.updated_at, r.position, c.name AS cluster
    FROM recommendations_recommendation r
    JOIN recommendations_cluster c ON c.id = r.cluster_id
    WHERE {where}
    ORDER BY r.position, r.id
    LIMIT %(limit)s + 1
), shown AS (
    SELECT * FROM page ORDER BY position, id LIMIT %(limit)s
)
SELECT
    (SELECT count(*) FROM page) > %(limit)s,
    (SELECT json_build_array(position, id) FROM shown ORDER BY position, id LIMIT 1)::text,
    (SELECT json_build_array(position, id) FROM shown ORDER BY position DESC, id DESC LIMIT 1)::text,
    (SELECT COALESCE(json_agg(json_build_object(
        'id', shown.id,
        'references', (
            SELECT COALESCE(json_agg(json_build_object('report', rp.symbol, 'number', rf.number)
                                     ORDER BY rf.position, rf.id), '[]')
            FROM recommendations_reference rf JOIN recommendations_report rp ON rp.id = rf.report_id
            WHERE rf.recommendation_id = shown.id),
        'text', shown.text,
        'cluster', shown.cluster,
        'status', shown.status,
        'updated_at', to_char(shown.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
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
            WHERE a.recommendation_id = shown.id)
    ) ORDER BY shown.position, shown.id), '[]') FROM shown)::text
"""


def reference_list(request):
    try:
        limit = min(200, max(1, int(request.GET.get("page_size", 50))))
        after = None
        if request.GET.get("cursor"):
            token = request.GET["cursor"]
            after = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))["k"]
    except (ValueError, KeyError):
        return JsonResponse({"detail": "page_size must be a number and cursor one given out"}, status=400)
    params = {
        "status": request.GET.get("status") or None,
        "cluster": request.GET.get("cluster") or None,
        "addressee": request.GET.get("addressee") or None,
        "after_position": after[0] if after else None,
        "after_id": after[1] if after else None,
        "limit": limit,
    }
    where = " AND ".join(condition for name, condition in CONDITIONS.items() if params[name] is not None) or "TRUE"
    with connection.cursor() as cursor:
        cursor.execute(SQL.replace("{where}", where), params)
        more, first, last, results = cursor.fetchone()
    url = request.build_absolute_uri()
    next_link = replace_query_param(url, "cursor", cursor_token(json.loads(last))) if more else None
    previous_link = replace_query_param(url, "cursor", cursor_token(json.loads(first), True)) if after and first else None
    body = '{"next":%s,"previous":%s,"results":%s}' % (json.dumps(next_link), json.dumps(previous_link), results)
    return HttpResponse(body, content_type="application/json")
