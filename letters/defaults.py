"""The letters as shipped, in English, French and Spanish. Staff may replace any of them
(LetterTemplate rows); `letters.seed` stores them so they can be edited in the UI.

The wording follows the Committee on the Enhancement of Cooperation and Assistance
(15MSP, 2016), recommendations (b) and (d). Country names go through the grammar filters
(`{{ state|de }}`: "du Mexique", "de la Suisse", "del Perú"; see
entities/templatetags/country_grammar.py) and dates through `long_date` ("1er mars 2027",
"30 de abril de 2027"), so each language reads as written by a native.

The e-mails other apps send (a match proposed, entries to confirm, overdue action items, a
mapping-survey invitation) are written here too, after the letters, with the same filters; French and Spanish greet the
focal point formally, as the letters do, while English greets the person by name.
"""

REMINDER_EN = (
    "Reminder: {{ obligation }} for {{ period }} due on {{ deadline|long_date }}",
    """Dear focal point {{ state|de }},

On behalf of the Committee on the Enhancement of Cooperation and Assistance, we kindly remind you that the {{ obligation }} {{ state|de }} under article {{ article }} of the {{ treaty }}, covering calendar year {{ period }}, is due on {{ deadline|long_date }}, in {{ days_left }} days.

The Committee recommends that States Parties make their implementation challenges known in their article {{ article }} reports, under the heading "cooperation and assistance", so that they can be mapped and followed up individually.

If your report has already been submitted, please disregard this letter.

{{ secretariat }}""",
)
REMINDER_FR = (
    "Rappel : {{ obligation }} pour {{ period }} attendu le {{ deadline|long_date }}",
    """Madame, Monsieur le point focal {{ state|de }},

Au nom du Comité sur le renforcement de la coopération et de l'assistance, nous vous rappelons que le rapport {{ state|de }} au titre de l'article {{ article }} de la {{ treaty }}, portant sur l'année civile {{ period }}, est attendu le {{ deadline|long_date }}, dans {{ days_left }} jours.

Le Comité recommande aux États parties de faire connaître leurs difficultés de mise en œuvre dans leurs rapports au titre de l'article {{ article }}, sous la rubrique « coopération et assistance », afin qu'elles puissent être recensées et suivies individuellement.

Si votre rapport a déjà été soumis, veuillez ne pas tenir compte de cette lettre.

{{ secretariat }}""",
)
REMINDER_ES = (
    "Recordatorio: {{ obligation }} de {{ period }}, plazo el {{ deadline|long_date }}",
    """Estimado punto focal {{ state|de }}:

En nombre del Comité sobre la Mejora de la Cooperación y la Asistencia, le recordamos que el informe {{ state|de }} en virtud del artículo {{ article }} de la {{ treaty }}, correspondiente al año civil {{ period }}, debe presentarse a más tardar el {{ deadline|long_date }}, dentro de {{ days_left }} días.

El Comité recomienda que los Estados partes den a conocer sus dificultades de aplicación en sus informes en virtud del artículo {{ article }}, bajo el epígrafe «cooperación y asistencia», para que puedan identificarse y atenderse individualmente.

Si su informe ya ha sido presentado, le rogamos que no tenga en cuenta esta carta.

{{ secretariat }}""",
)

OVERDUE_EN = (
    "Overdue: {{ obligation }} for {{ period }}",
    """Dear focal point {{ state|de }},

The {{ obligation }} {{ state|de }} under article {{ article }} of the {{ treaty }}, covering calendar year {{ period }}, was due on {{ deadline|long_date }} and has not been received yet ({{ days_late }} days ago).

We would be grateful if it could be submitted at your earliest convenience, including any implementation challenges under the heading "cooperation and assistance". The Implementation Support Unit stands ready to assist.

{{ secretariat }}""",
)
OVERDUE_FR = (
    "En retard : {{ obligation }} pour {{ period }}",
    """Madame, Monsieur le point focal {{ state|de }},

Le rapport {{ state|de }} au titre de l'article {{ article }} de la {{ treaty }}, portant sur l'année civile {{ period }}, était attendu le {{ deadline|long_date }} et n'a pas encore été reçu (il y a {{ days_late }} jours).

Nous vous serions reconnaissants de bien vouloir le soumettre dans les meilleurs délais, en y indiquant vos difficultés de mise en œuvre sous la rubrique « coopération et assistance ». L'Unité d'appui à l'application se tient à votre disposition.

{{ secretariat }}""",
)
OVERDUE_ES = (
    "Atrasado: {{ obligation }} de {{ period }}",
    """Estimado punto focal {{ state|de }}:

El informe {{ state|de }} en virtud del artículo {{ article }} de la {{ treaty }}, correspondiente al año civil {{ period }}, debía presentarse el {{ deadline|long_date }} y aún no se ha recibido (hace {{ days_late }} días).

Le agradeceríamos que lo presentara a la mayor brevedad, indicando sus dificultades de aplicación bajo el epígrafe «cooperación y asistencia». La Dependencia de Apoyo a la Aplicación está a su disposición.

{{ secretariat }}""",
)

PLATFORM_EN = (
    "Platform for Partnerships: new or updated information for {{ period }}",
    """Dear focal point {{ state|de }},

In advance of {% if meeting %}{{ meeting|le }}{% else %}the Intersessional Meetings and the Meeting of the States Parties{% endif %}, the Committee on the Enhancement of Cooperation and Assistance invites {{ state|le }} to provide new or updated information on its needs for assistance, or on assistance it is in a position to offer, through the Platform for Partnerships, and to share its feedback on the utility of the Platform.

{{ secretariat }}""",
)
PLATFORM_FR = (
    "Plateforme de partenariats : informations nouvelles ou actualisées pour {{ period }}",
    """Madame, Monsieur le point focal {{ state|de }},

En vue {% if meeting %}{{ meeting|de }}{% else %}des réunions intersessions et de l'Assemblée des États parties{% endif %}, le Comité sur le renforcement de la coopération et de l'assistance invite {{ state|le }} à fournir, par la Plateforme de partenariats, des informations nouvelles ou actualisées sur {{ state|agree:"ses,ses,leurs,leurs" }} besoins d'assistance ou sur l'assistance qu'{{ state|pronoun }} {{ state|agree:"est,est,sont,sont" }} en mesure d'offrir, ainsi que {{ state|agree:"ses,ses,leurs,leurs" }} observations sur l'utilité de la Plateforme.

{{ secretariat }}""",
)
PLATFORM_ES = (
    "Plataforma de Alianzas: información nueva o actualizada para {{ period }}",
    """Estimado punto focal {{ state|de }}:

Con miras a {% if meeting %}{{ meeting|le }}{% else %}las reuniones entre períodos de sesiones y la Reunión de los Estados Partes{% endif %}, el Comité sobre la Mejora de la Cooperación y la Asistencia invita {{ state|a }} a proporcionar, a través de la Plataforma de Alianzas, información nueva o actualizada sobre sus necesidades de asistencia o sobre la asistencia que {{ state|agree:"está,están" }} en condiciones de ofrecer, así como sus comentarios sobre la utilidad de la Plataforma.

{{ secretariat }}""",
)

# Article 5 (clearance): sent before the deadline so that a State that will not finish in time
# can request an extension early enough for it to be analysed before the meeting that decides.
# Sent by the daily step (letters.services.scheduling.clearance_due) as the article 5 plan says.
CLEARANCE_EN = (
    "Article 5 clearance deadline: {{ deadline|long_date }}",
    """Dear focal point,

On behalf of the Implementation Support Unit, we recall that under article 5 of the {{ treaty }}, each State Party undertakes to destroy all anti-personnel mines in mined areas under its jurisdiction or control. For {{ state|le }}, this deadline falls on {{ deadline|long_date }}, in {{ months_left }} months.

If your State believes that it will be unable to complete this work by that date, it may submit a request for an extension to a Meeting of the States Parties or a Review Conference. We would be grateful to be informed in good time, so that the request can be prepared and analysed before the meeting that will decide on it.

If the work has been completed, please disregard this letter and kindly let us know of the declaration of completion.

{{ secretariat }}""",
)
CLEARANCE_FR = (
    "Échéance au titre de l'article 5 : {{ deadline|long_date }}",
    """Madame, Monsieur,

Au nom de l'Unité d'appui à l'application, nous rappelons qu'en vertu de l'article 5 de la {{ treaty }}, chaque État partie s'engage à détruire toutes les mines antipersonnel dans les zones minées sous sa juridiction ou son contrôle. Pour {{ state|le }}, ce délai expire le {{ deadline|long_date }}, soit dans {{ months_left }} mois.

Si votre État estime qu'il ne pourra pas achever ces travaux d'ici cette date, il peut présenter une demande de prolongation à une Assemblée des États parties ou à une Conférence d'examen. Nous vous serions reconnaissants de nous en informer suffisamment tôt pour que la demande puisse être préparée et analysée avant la réunion appelée à se prononcer.

Si les travaux sont achevés, veuillez ne pas tenir compte de cette lettre et nous faire part de la déclaration d'achèvement.

{{ secretariat }}""",
)
CLEARANCE_ES = (
    "Plazo del artículo 5: {{ deadline|long_date }}",
    """Estimado punto focal:

En nombre de la Dependencia de Apoyo a la Aplicación, le recordamos que, en virtud del artículo 5 de la {{ treaty }}, cada Estado parte se compromete a destruir todas las minas antipersonal colocadas en las zonas minadas que estén bajo su jurisdicción o control. Para {{ state|le }}, ese plazo vence el {{ deadline|long_date }}, dentro de {{ months_left }} meses.

Si su Estado considera que no podrá concluir esos trabajos en esa fecha, puede presentar una solicitud de prórroga a una Reunión de los Estados Partes o a una Conferencia de Examen. Le agradeceríamos que nos informara con suficiente antelación, para que la solicitud pueda prepararse y analizarse antes de la reunión que deba decidir al respecto.

Si los trabajos ya han concluido, le rogamos que no tenga en cuenta esta carta y que nos comunique la declaración de cumplimiento.

{{ secretariat }}""",
)

# A match proposed on the Platform (partnerships.services.notify), to each focal point of the
# two States. An entry the recipient may not see comes with the title "A confidential entry"
# and no State.
MATCH_EN = (
    "Platform for Partnerships: a match is proposed for “{{ need.title }}”",
    """{% if name %}Dear {{ name }},{% else %}Dear focal point {{ state|de }},{% endif %}

A match between a need and an offer has been proposed on the Platform for Partnerships:

Need: {{ need.title }}{% if need.state %} ({{ need.state }}){% endif %}
Offer: {{ offer.title }}{% if offer.state %} ({{ offer.state }}){% endif %}
Score: {{ score }}/100{% if note %}
Note: {{ note }}{% endif %}

Please sign in to the Platform to accept or decline it:
{{ link }}

{{ secretariat }}""",
)
MATCH_FR = (
    "Plateforme de partenariats : un appariement est proposé pour « {{ need.title }} »",
    """Madame, Monsieur le point focal {{ state|de }},

Un appariement entre un besoin et une offre a été proposé sur la Plateforme de partenariats :

Besoin : {{ need.title }}{% if need.state %} ({{ need.state }}){% endif %}
Offre : {{ offer.title }}{% if offer.state %} ({{ offer.state }}){% endif %}
Degré de correspondance : {{ score }}/100{% if note %}
Observation : {{ note }}{% endif %}

Nous vous invitons à vous connecter à la Plateforme pour l'accepter ou le refuser :
{{ link }}

{{ secretariat }}""",
)
MATCH_ES = (
    "Plataforma de Alianzas: se propone un emparejamiento para «{{ need.title }}»",
    """Estimado punto focal {{ state|de }}:

Se ha propuesto en la Plataforma de Alianzas un emparejamiento entre una necesidad y una oferta:

Necesidad: {{ need.title }}{% if need.state %} ({{ need.state }}){% endif %}
Oferta: {{ offer.title }}{% if offer.state %} ({{ offer.state }}){% endif %}
Grado de coincidencia: {{ score }}/100{% if note %}
Observaciones: {{ note }}{% endif %}

Le rogamos que inicie sesión en la Plataforma para aceptarlo o rechazarlo:
{{ link }}

{{ secretariat }}""",
)

# "Is this entry still current?": once per staleness, to each focal point of the State whose
# entries have not been confirmed for twelve months (partnerships.services.stale).
STALE_EN = (
    "Platform for Partnerships: please confirm or withdraw {% if count == 1 %}one entry{% else %}{{ count }} entries{% endif %}",
    """{% if name %}Dear {{ name }},{% else %}Dear focal point {{ state|de }},{% endif %}

The following entries {{ state|de }} on the Platform for Partnerships have not been confirmed for over twelve months. Please confirm that each is still current, update it or withdraw it:
{% for entry in entries %}
- {{ entry.side }}: {{ entry.title }} — {{ entry.link }}{% endfor %}

{{ secretariat }}""",
)
STALE_FR = (
    "Plateforme de partenariats : veuillez confirmer ou retirer {% if count == 1 %}une entrée{% else %}{{ count }} entrées{% endif %}",
    """Madame, Monsieur le point focal {{ state|de }},

{% if count == 1 %}L'entrée suivante {{ state|de }} sur la Plateforme de partenariats n'a pas été confirmée depuis plus de douze mois. Nous vous prions de bien vouloir confirmer qu'elle est toujours d'actualité, la mettre à jour ou la retirer :{% else %}Les entrées suivantes {{ state|de }} sur la Plateforme de partenariats n'ont pas été confirmées depuis plus de douze mois. Nous vous prions de bien vouloir confirmer que chacune est toujours d'actualité, la mettre à jour ou la retirer :{% endif %}
{% for entry in entries %}
- {{ entry.side }} : {{ entry.title }} — {{ entry.link }}{% endfor %}

{{ secretariat }}""",
)
STALE_ES = (
    "Plataforma de Alianzas: confirme o retire {% if count == 1 %}una entrada{% else %}{{ count }} entradas{% endif %}",
    """Estimado punto focal {{ state|de }}:

{% if count == 1 %}La siguiente entrada {{ state|de }} en la Plataforma de Alianzas no se ha confirmado desde hace más de doce meses. Le rogamos que confirme si sigue vigente, la actualice o la retire:{% else %}Las siguientes entradas {{ state|de }} en la Plataforma de Alianzas no se han confirmado desde hace más de doce meses. Le rogamos que confirme si cada una sigue vigente, la actualice o la retire:{% endif %}
{% for entry in entries %}
- {{ entry.side }}: {{ entry.title }} — {{ entry.link }}{% endfor %}

{{ secretariat }}""",
)

# Weekly, to each focal point of the State or UN entity that owns open action items past their
# due date (taskforce.services.reminders). `state` is set for a State's items, `entity` (the
# acronym) for an entity's.
ACTIONS_EN = (
    "Overdue action items: {{ count }}",
    """{% if name %}Dear {{ name }},{% elif state %}Dear focal point {{ state|de }},{% else %}Dear focal point,{% endif %}

{% if count == 1 %}The following action item owned by {% if state %}{{ state|le }}{% else %}{{ entity }}{% endif %} is past its due date:{% else %}The following action items owned by {% if state %}{{ state|le }}{% else %}{{ entity }}{% endif %} are past their due date:{% endif %}
{% for item in items %}
- {{ item.text }} ({{ item.mechanism }}, due {{ item.due|long_date }}) — {{ item.link }}{% endfor %}

You can mark an item done, with a note, on its page.

{{ secretariat }}""",
)
ACTIONS_FR = (
    "Actions en retard : {{ count }}",
    """{% if state %}Madame, Monsieur le point focal {{ state|de }},{% else %}Madame, Monsieur,{% endif %}

{% if count == 1 %}L'action suivante, confiée {% if state %}{{ state|a }}{% else %}à votre entité ({{ entity }}){% endif %}, a dépassé son échéance :{% else %}Les actions suivantes, confiées {% if state %}{{ state|a }}{% else %}à votre entité ({{ entity }}){% endif %}, ont dépassé leur échéance :{% endif %}
{% for item in items %}
- {{ item.text }} ({{ item.mechanism }}, échéance fixée au {{ item.due|long_date }}) — {{ item.link }}{% endfor %}

Vous pouvez indiquer qu'une action est terminée, en y joignant une note, sur la page de l'action.

{{ secretariat }}""",
)
ACTIONS_ES = (
    "Tareas atrasadas: {{ count }}",
    """{% if state %}Estimado punto focal {{ state|de }}:{% else %}Estimado punto focal:{% endif %}

{% if count == 1 %}La siguiente tarea a cargo {% if state %}{{ state|de }}{% else %}de su entidad ({{ entity }}){% endif %} ha superado su fecha límite:{% else %}Las siguientes tareas a cargo {% if state %}{{ state|de }}{% else %}de su entidad ({{ entity }}){% endif %} han superado su fecha límite:{% endif %}
{% for item in items %}
- {{ item.text }} ({{ item.mechanism }}, fecha límite: {{ item.due|long_date }}) — {{ item.link }}{% endfor %}

Puede indicar que una tarea se ha realizado, junto con una nota, en la página de la tarea.

{{ secretariat }}""",
)

# A mapping survey sent to the focal points of UN entities (taskforce.services.surveys), once
# per survey and focal point. `entity` is the entity's acronym, `survey` the survey's title.
SURVEY_EN = (
    "Mapping survey: {{ survey }}",
    """{% if name %}Dear {{ name }},{% else %}Dear focal point,{% endif %}

{{ entity }} is invited to answer the survey “{{ survey }}”. Please answer it here:
{{ link }}

{{ secretariat }}""",
)
SURVEY_FR = (
    "Enquête de cartographie : {{ survey }}",
    """Madame, Monsieur,

Votre entité ({{ entity }}) est invitée à répondre à l'enquête « {{ survey }} ». Vous pouvez y répondre à l'adresse suivante :
{{ link }}

{{ secretariat }}""",
)
SURVEY_ES = (
    "Encuesta de mapeo: {{ survey }}",
    """Estimado punto focal:

Se invita a su entidad ({{ entity }}) a responder a la encuesta «{{ survey }}». Puede hacerlo en la siguiente dirección:
{{ link }}

{{ secretariat }}""",
)

# Meetings a campaign may name, in each language with the article its grammar needs (the
# templates write "En vue {{ meeting|de }}", "Con miras a {{ meeting|le }}"). A campaign's meeting is
# typed in English; one not listed here is left out of French and Spanish letters, which then
# name the Intersessional Meetings and the Meeting of the States Parties, as when none is given.
# (name, article, French gender) per language; keys compare without case or a leading "the".
MEETINGS: dict[str, dict[str, tuple[str, str, str]]] = {
    "intersessional meetings": {
        "en": ("Intersessional Meetings", "the", ""),
        "fr": ("réunions intersessions", "les", "f"),
        "es": ("reuniones entre períodos de sesiones", "las", "f"),
    },
    "meeting of the states parties": {
        "en": ("Meeting of the States Parties", "the", ""),
        "fr": ("Assemblée des États parties", "l'", "f"),
        "es": ("Reunión de los Estados Partes", "la", "f"),
    },
    "review conference": {
        "en": ("Review Conference", "the", ""),
        "fr": ("Conférence d'examen", "la", "f"),
        "es": ("Conferencia de Examen", "la", "f"),
    },
}

TEMPLATES: dict[str, dict[str, tuple[str, str]]] = {
    "report-reminder": {"en": REMINDER_EN, "fr": REMINDER_FR, "es": REMINDER_ES},
    "report-overdue": {"en": OVERDUE_EN, "fr": OVERDUE_FR, "es": OVERDUE_ES},
    "platform-call": {"en": PLATFORM_EN, "fr": PLATFORM_FR, "es": PLATFORM_ES},
    "clearance-reminder": {"en": CLEARANCE_EN, "fr": CLEARANCE_FR, "es": CLEARANCE_ES},
    "partnerships-match": {"en": MATCH_EN, "fr": MATCH_FR, "es": MATCH_ES},
    "partnerships-stale": {"en": STALE_EN, "fr": STALE_FR, "es": STALE_ES},
    "taskforce-overdue": {"en": ACTIONS_EN, "fr": ACTIONS_FR, "es": ACTIONS_ES},
    "taskforce-survey": {"en": SURVEY_EN, "fr": SURVEY_FR, "es": SURVEY_ES},
}
