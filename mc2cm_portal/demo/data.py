"""Demo content of the MC2CM portal, in Arabic, French and English.

Pure data, read by the ``load_demo_content`` management command. Every translatable value is a
dict ``{"ar": ..., "fr": ..., "en": ...}``. Texts follow the project's original Arabic page and
the sourced facts in ``/work/shared/content/facts.md``; where a fact is unknown, nothing is shown.
Rich text values are simple HTML (``<p>`` and ``<ul><li>`` only). Values listed "one per line"
are single strings with ``\\n`` between the items. ``{city}`` and ``{city_slug}`` placeholders
are filled in per city by the loader; no other braces may appear in any text.
"""

# --- Themes: the topic vocabulary named on the seed page --------------------------------------

THEMES = [
    {
        "slug": "housing",
        "name": {"ar": "الإسكان", "fr": "Logement", "en": "Housing"},
        "description": {
            "ar": "حصول المهاجرين وسائر السكان على سكن لائق وميسور الكلفة في المدينة.",
            "fr": "L’accès des personnes migrantes et de tous les habitants à un logement "
            "décent et abordable en ville.",
            "en": "Access to decent, affordable housing in the city for migrants and all "
            "residents.",
        },
    },
    {
        "slug": "exchange",
        "name": {"ar": "التبادل", "fr": "Échange", "en": "Exchange"},
        "description": {
            "ar": "تبادل الخبرات والممارسات بين المدن والجهات المعنية.",
            "fr": "Le partage d’expériences et de pratiques entre villes et acteurs concernés.",
            "en": "Sharing experience and practice between cities and stakeholders.",
        },
    },
    {
        "slug": "health-care",
        "name": {"ar": "الرعاية الصحية", "fr": "Soins de santé", "en": "Health care"},
        "description": {
            "ar": "وصول المهاجرين إلى الخدمات الصحية في المدينة.",
            "fr": "L’accès des personnes migrantes aux services de santé de la ville.",
            "en": "Migrants' access to the city's health services.",
        },
    },
    {
        "slug": "understanding",
        "name": {"ar": "الفهم", "fr": "Compréhension", "en": "Understanding"},
        "description": {
            "ar": "التفاهم المتبادل بين السكان ومعرفة مشتركة بواقع الهجرة.",
            "fr": "La compréhension mutuelle entre habitants et une connaissance partagée de "
            "la migration.",
            "en": "Mutual understanding between residents and a shared knowledge of migration.",
        },
    },
    {
        "slug": "education",
        "name": {"ar": "التعليم", "fr": "Éducation", "en": "Education"},
        "description": {
            "ar": "وصول الأطفال والبالغين من المهاجرين إلى التعليم والتدريب.",
            "fr": "L’accès des enfants et des adultes migrants à l’éducation et à la formation.",
            "en": "Access to education and training for migrant children and adults.",
        },
    },
    {
        "slug": "urban-planning",
        "name": {"ar": "التخطيط الحضري", "fr": "Urbanisme", "en": "Urban planning"},
        "description": {
            "ar": "أخذ الهجرة بعين الاعتبار عند تخطيط المدينة وأحيائها وخدماتها.",
            "fr": "La prise en compte de la migration dans la planification de la ville, de "
            "ses quartiers et de ses services.",
            "en": "Taking migration into account when planning the city, its neighbourhoods "
            "and its services.",
        },
    },
    {
        "slug": "peaceful-practices",
        "name": {
            "ar": "الممارسات السلمية",
            "fr": "Pratiques pacifiques",
            "en": "Peaceful practices",
        },
        "description": {
            "ar": "ممارسات تعزّز العيش المشترك السلمي والتماسك الاجتماعي.",
            "fr": "Des pratiques qui favorisent la coexistence pacifique et la cohésion sociale.",
            "en": "Practices that foster peaceful coexistence and social cohesion.",
        },
    },
    {
        "slug": "employment",
        "name": {"ar": "الشغل", "fr": "Emploi", "en": "Employment"},
        "description": {
            "ar": "وصول المهاجرين إلى العمل اللائق وريادة الأعمال.",
            "fr": "L’accès des personnes migrantes à un emploi décent et à l’entrepreneuriat.",
            "en": "Migrants' access to decent work and to entrepreneurship.",
        },
    },
]

# --- Partners -------------------------------------------------------------------------------

PARTNERS = [
    {
        "acronym": {"ar": "ICMPD", "fr": "ICMPD", "en": "ICMPD"},
        "name": {
            "ar": "المركز الدولي لتطوير سياسات الهجرة",
            "fr": "Centre international pour le développement des politiques migratoires",
            "en": "International Centre for Migration Policy Development",
        },
        "role": "implementing",
        "description": {
            "ar": "يقود المركز تنفيذ مشروع الهجرة بين المدن المتوسطية (MC2CM).",
            "fr": "L’ICMPD dirige la mise en œuvre du projet MC2CM.",
            "en": "ICMPD leads the implementation of MC2CM.",
        },
        "website": "https://www.icmpd.org",
        "sort_order": 1,
    },
    {
        # The Arabic name is too long for the acronym field; Arabic texts use "UCLG".
        "acronym": {"ar": "UCLG", "fr": "CGLU", "en": "UCLG"},
        "name": {
            "ar": "منظمة المدن والحكومات المحلية المتحدة",
            "fr": "Cités et gouvernements locaux unis",
            "en": "United Cities and Local Governments",
        },
        "role": "implementing",
        "description": {
            "ar": "تتولى المنظمة العمل مع المدن الشريكة وتيسير التعلّم بين النظراء.",
            "fr": "CGLU travaille avec les villes partenaires et anime l’apprentissage entre "
            "pairs.",
            "en": "UCLG works with the partner cities and leads peer learning between them.",
        },
        "website": "https://www.uclg.org",
        "sort_order": 2,
    },
    {
        "acronym": {"ar": "موئل الأمم المتحدة", "fr": "ONU-Habitat", "en": "UN-Habitat"},
        "name": {
            "ar": "برنامج الأمم المتحدة للمستوطنات البشرية",
            "fr": "Programme des Nations unies pour les établissements humains",
            "en": "United Nations Human Settlements Programme",
        },
        "role": "implementing",
        "description": {
            "ar": "يقدّم البرنامج خبرته في مجال التخطيط الحضري.",
            "fr": "ONU-Habitat apporte son expertise en matière d’urbanisme.",
            "en": "UN-Habitat brings its expertise in urban planning.",
        },
        "website": "https://unhabitat.org",
        "sort_order": 3,
    },
    {
        "acronym": {"ar": "الاتحاد الأوروبي", "fr": "UE – DG NEAR", "en": "EU – DG NEAR"},
        "name": {
            "ar": "الاتحاد الأوروبي – المديرية العامة لسياسة الجوار ومفاوضات التوسيع",
            "fr": "Union européenne – Direction générale du voisinage et des négociations "
            "d’élargissement",
            "en": "European Union – Directorate-General for Neighbourhood and Enlargement "
            "Negotiations",
        },
        "role": "funding",
        "description": {
            "ar": "يموّل الاتحاد الأوروبي المشروع عبر المديرية العامة لسياسة الجوار "
            "ومفاوضات التوسيع.",
            "fr": "L’Union européenne finance le projet par l’intermédiaire de la DG NEAR.",
            "en": "The European Union funds the project through DG NEAR.",
        },
        "website": "https://neighbourhood-enlargement.ec.europa.eu",
        "sort_order": 4,
    },
    {
        "acronym": {"ar": "SDC", "fr": "DDC", "en": "SDC"},
        "name": {
            "ar": "الوكالة السويسرية للتنمية والتعاون",
            "fr": "Direction du développement et de la coopération (Suisse)",
            "en": "Swiss Agency for Development and Cooperation",
        },
        "role": "funding",
        "description": {
            "ar": "تشارك الوكالة السويسرية في تمويل المشروع.",
            "fr": "La DDC cofinance le projet.",
            "en": "SDC co-funds the project.",
        },
        "website": "https://www.eda.admin.ch/sdc",
        "sort_order": 5,
    },
]

# --- Home page ------------------------------------------------------------------------------

HOME = {
    "title": {
        "ar": "الهجرة بين المدن المتوسطية",
        "fr": "Migration de ville à ville en Méditerranée",
        "en": "Mediterranean City-to-City Migration",
    },
    "tagline": {
        "ar": "الحوار، المعرفة والعمل",
        "fr": "Dialogue, connaissances et action",
        "en": "Dialogue, Knowledge and Action",
    },
    "why": {
        "ar": (
            "يقيم أكثر من نصف سكان العالم في مناطق حضرية، ومن المتوقع أن تزداد هذه النسبة "
            "حتى تصل إلى 66% بحلول العام 2050، وذلك لأسباب عدة منها ازدياد تدفقات المهاجرين "
            "من الداخل والخارج. لكن يمكن للمدن أن تستفيد من إمكانيات هؤلاء الأشخاص من خلال "
            "إيجاد بيئة مؤاتية لهم، وأخذ الهجرة بعين الاعتبار في الحكم المحلي."
        ),
        "fr": (
            "Plus de la moitié de la population mondiale vit en zone urbaine, et cette part "
            "devrait atteindre 66\u202f% d’ici 2050, notamment en raison de la hausse des flux "
            "de migrants venus de l’intérieur du pays comme de l’étranger. Les villes peuvent "
            "cependant tirer parti du potentiel de ces personnes en créant un environnement "
            "qui leur soit favorable et en prenant en compte la migration dans la gouvernance "
            "locale."
        ),
        "en": (
            "More than half of the world's population lives in urban areas, and this share is "
            "expected to reach 66% by 2050, partly because of growing flows of migrants from "
            "within the country and from abroad. Yet cities can benefit from these people's "
            "potential by creating an enabling environment for them and by taking migration "
            "into account in local governance."
        ),
    },
    "what": {
        "ar": (
            "إن الهدف العام للمشروع هو المساهمة في تحسين حوكمة الهجرة على المستوى المحلي في "
            "عشر مدن في أوروبا ومنطقة جنوب المتوسط، مع التركيز بشكل خاص على دمج المهاجرين "
            "وتحسين مستوى وصولهم إلى الحقوق والخدمات."
        ),
        "fr": (
            "L’objectif général du projet est de contribuer à améliorer la gouvernance des "
            "migrations au niveau local dans dix villes d’Europe et du Sud de la Méditerranée, "
            "en mettant particulièrement l’accent sur l’intégration des migrants et sur un "
            "meilleur accès aux droits et aux services."
        ),
        "en": (
            "The project's overall objective is to help improve migration governance at local "
            "level in ten cities in Europe and the South Mediterranean, with a particular focus "
            "on the integration of migrants and on better access to rights and services."
        ),
    },
    "how": {
        "ar": (
            "يسهّل المشروع دمج الهجرة في الخطط المحلية من خلال مقاربة ثلاثية الأبعاد: فهو "
            "يوطّد الحوار، ويشكّل شبكة من الخبراء مشجّعاً على اكتساب المعارف وتبادلها، "
            "ويشارك في أعمال عدّة."
        ),
        "fr": (
            "Le projet facilite l’intégration de la migration dans les plans locaux grâce à une "
            "approche en trois dimensions\u202f: il renforce le dialogue, constitue un réseau "
            "d’experts en encourageant l’acquisition et l’échange de connaissances, et prend "
            "part à plusieurs actions."
        ),
        "en": (
            "The project helps to integrate migration into local plans through a "
            "three-dimensional approach: it strengthens dialogue, builds a network of experts "
            "that encourages acquiring and exchanging knowledge, and takes part in a number of "
            "actions."
        ),
    },
    "network": {
        "ar": (
            "تتألف الشبكة بشكل أساسي من 10 مدن شريكة في أوروبا ومنطقة جنوب المتوسط: تسع مدن "
            "مؤسِّسة انضمت في العام 2015، ومدينة صفاقس التي انضمت في العام 2018 عند توسيع "
            "الشبكة. كما تُدعى بعض المدن للمشاركة كمدن شريكة."
        ),
        "fr": (
            "Le réseau se compose principalement de 10 villes partenaires en Europe et dans le "
            "Sud de la Méditerranée\u202f: neuf villes fondatrices, membres depuis 2015, et Sfax, "
            "qui l’a rejoint en 2018 lors de son élargissement. D’autres villes sont invitées à "
            "y participer en tant que villes partenaires."
        ),
        "en": (
            "The network is made up mainly of 10 partner cities in Europe and the South "
            "Mediterranean: nine founding cities that joined in 2015, and Sfax, which joined in "
            "2018 when the network widened. Some other cities are invited to take part as "
            "partner cities."
        ),
    },
    "start_year": 2015,
    "end_year": 2018,
    "duration_note": {
        "ar": "امتدت مرحلة ثانية من المشروع من 2018 إلى 2021 ووسّعت الشبكة.",
        "fr": "Une deuxième phase s’est déroulée de 2018 à 2021 et a élargi le réseau.",
        "en": "A second phase ran from 2018 to 2021 and widened the network.",
    },
}

# --- Cities ---------------------------------------------------------------------------------

CITY_INDEX = {
    "title": {"ar": "المدن", "fr": "Villes", "en": "Cities"},
    "slug": {"ar": "المدن", "fr": "villes", "en": "cities"},
    "intro": {
        "ar": (
            "تتألف شبكة المشروع من عشر مدن شريكة في أوروبا ومنطقة جنوب المتوسط. تعرض صفحة "
            "كل مدينة موقعها، وأبرز أرقام الهجرة فيها مع مصادرها، ومشاركتها في المشروع."
        ),
        "fr": (
            "Le réseau MC2CM réunit dix villes partenaires en Europe et dans le Sud de la "
            "Méditerranée. La page de chaque ville présente la ville, ses principaux chiffres "
            "sur la migration avec leurs sources, et sa participation au projet."
        ),
        "en": (
            "The MC2CM network brings together ten partner cities in Europe and the South "
            "Mediterranean. Each city's page presents the city, its key migration figures with "
            "their sources, and its part in the project."
        ),
    },
}

CITY_COMPARISON = {
    "title": {
        "ar": "المدن في أرقام: مقارنة",
        "fr": "Les villes en chiffres\u202f: comparaison",
        "en": "The cities in figures: a comparison",
    },
    "slug": {"ar": "مقارنة", "fr": "comparaison", "en": "compare"},
    "intro": {
        "ar": (
            "أبرز أرقام المدن الشريكة جنباً إلى جنب، كلّ رقم مع سنته ومصدره. حين لا يتوفر "
            "رقم لمدينة ما، يُذكر ذلك بدلاً من تقديره."
        ),
        "fr": (
            "Les principaux chiffres des villes partenaires côte à côte, chacun avec son année "
            "et sa source. Quand une ville n\u2019a pas de chiffre, la page le dit plutôt que "
            "de l\u2019estimer."
        ),
        "en": (
            "The partner cities' key figures side by side, each with its year and source. "
            "Where a city has no figure, the page says so rather than estimate one."
        ),
    },
}

CITIES = [
    {
        "key": "amman",
        "title": {"ar": "عمّان", "fr": "Amman", "en": "Amman"},
        "slug": {"ar": "عمان", "fr": "amman", "en": "amman"},
        "official_name": {
            "ar": "أمانة عمّان الكبرى",
            "fr": "Municipalité du Grand Amman",
            "en": "Greater Amman Municipality",
        },
        "country": {"ar": "الأردن", "fr": "Jordanie", "en": "Jordan"},
        "region": "south_mediterranean",
        "latitude": "31.95",
        "longitude": "35.93",
        "member_since": 2015,
        "portrait": {
            "ar": (
                "<p>عمّان مدينة في الأردن تمثّلها في الشبكة أمانة عمّان الكبرى، وهي مدينة شريكة "
                "في المشروع منذ العام 2015. استضافت في نيسان/أبريل 2017 اجتماع النظراء حول "
                "الإسكان الاجتماعي والتخطيط الحضري.</p>"
                "<p>بحسب ملف الهجرة الخاص بالمدينة (2016)، يقيم في عمّان أكثر من 435.000 "
                "سوري وأكثر من 300.000 فلسطيني لا يحملون رقماً وطنياً. وقد ارتفع عدد سكان "
                "عمّان الكبرى من نحو 2,3 مليون نسمة في العام 2006 إلى نحو 4,2 مليون في العام "
                "2015.</p>"
            ),
            "fr": (
                "<p>Amman, en Jordanie, est représentée dans le réseau par la Municipalité du "
                "Grand Amman et est ville partenaire du projet depuis 2015. Elle a accueilli en "
                "avril 2017 la rencontre entre pairs sur le logement social et l’urbanisme.</p>"
                "<p>Selon le profil migratoire de la ville (2016), Amman compte plus de "
                "435\u202f000 Syriens et plus de 300\u202f000 Palestiniens sans numéro national "
                "d’identité. La population du Grand Amman est passée d’environ 2,3 millions "
                "d’habitants en 2006 à environ 4,2 millions en 2015.</p>"
            ),
            "en": (
                "<p>Amman, in Jordan, is represented in the network by the Greater Amman "
                "Municipality and has been a partner city of the project since 2015. In April "
                "2017 it hosted the peer meeting on social housing and urban planning.</p>"
                "<p>According to the city migration profile (2016), Amman is home to more than "
                "435,000 Syrians and to over 300,000 Palestinians without a national ID number. "
                "The population of Greater Amman grew from about 2.3 million in 2006 to about "
                "4.2 million in 2015.</p>"
            ),
        },
        "themes": ["housing", "urban-planning"],
        "figures": [
            {
                "label": {
                    "ar": "السوريون المقيمون في عمّان",
                    "fr": "Syriens vivant à Amman",
                    "en": "Syrians living in Amman",
                },
                "qualifier": "more_than",
                "value": "435000",
                "unit": "people",
                "year": 2016,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة عمّان، مشروع MC2CM (2016)",
                    "fr": "Profil migratoire de la ville MC2CM, Amman (2016)",
                    "en": "MC2CM City Migration Profile, Amman (2016)",
                },
            },
            {
                "label": {
                    "ar": "فلسطينيون لا يحملون رقماً وطنياً",
                    "fr": "Palestiniens sans numéro national d’identité",
                    "en": "Palestinians without a national ID number",
                },
                "qualifier": "more_than",
                "value": "300000",
                "unit": "people",
                "year": 2016,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة عمّان، مشروع MC2CM (2016)",
                    "fr": "Profil migratoire de la ville MC2CM, Amman (2016)",
                    "en": "MC2CM City Migration Profile, Amman (2016)",
                },
            },
            {
                "label": {
                    "ar": "عدد سكان عمّان الكبرى",
                    "fr": "Population du Grand Amman",
                    "en": "Population of Greater Amman",
                },
                "qualifier": "about",
                "value": "2300000",
                "unit": "people",
                "measure": "population",
                "year": 2006,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة عمّان، مشروع MC2CM (2016)",
                    "fr": "Profil migratoire de la ville MC2CM, Amman (2016)",
                    "en": "MC2CM City Migration Profile, Amman (2016)",
                },
            },
            {
                "label": {
                    "ar": "عدد سكان عمّان الكبرى",
                    "fr": "Population du Grand Amman",
                    "en": "Population of Greater Amman",
                },
                "qualifier": "about",
                "value": "4200000",
                "unit": "people",
                "measure": "population",
                "year": 2015,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة عمّان، مشروع MC2CM (2016)",
                    "fr": "Profil migratoire de la ville MC2CM, Amman (2016)",
                    "en": "MC2CM City Migration Profile, Amman (2016)",
                },
            },
        ],
    },
    {
        "key": "beirut",
        "title": {"ar": "بيروت", "fr": "Beyrouth", "en": "Beirut"},
        "slug": {"ar": "بيروت", "fr": "beyrouth", "en": "beirut"},
        "official_name": {
            "ar": "بلدية بيروت",
            "fr": "Municipalité de Beyrouth",
            "en": "Municipality of Beirut",
        },
        "country": {"ar": "لبنان", "fr": "Liban", "en": "Lebanon"},
        "region": "south_mediterranean",
        "latitude": "33.89",
        "longitude": "35.50",
        "member_since": 2015,
        "portrait": {
            "ar": (
                "<p>بيروت مدينة في لبنان، وهي مدينة شريكة في المشروع منذ العام 2015. استضافت "
                "في تشرين الثاني/نوفمبر 2017 المؤتمر الرفيع المستوى الذي عُرضت فيه نتائج "
                "المشروع وتوصياته المتعلقة بالسياسات.</p>"
                "<p>بين العامين 2021 و2022، نشرت الخلية الاجتماعية البلدية، بالتعاون مع موئل "
                "الأمم المتحدة، محرّكين مجتمعيين وعاملين اجتماعيين في حيّي صبرا وطمليس.</p>"
            ),
            "fr": (
                "<p>Beyrouth, au Liban, est ville partenaire du projet depuis 2015. Elle a "
                "accueilli en novembre 2017 la conférence de haut niveau où ont été présentés "
                "les résultats et les recommandations politiques du projet.</p>"
                "<p>De 2021 à 2022, la Cellule sociale municipale, menée avec ONU-Habitat, a "
                "déployé des médiateurs communautaires et des travailleurs sociaux dans les "
                "quartiers de Sabra et Hay Tamlis.</p>"
            ),
            "en": (
                "<p>Beirut, in Lebanon, has been a partner city of the project since 2015. In "
                "November 2017 it hosted the high-level conference at which the project's "
                "findings and policy recommendations were presented.</p>"
                "<p>From 2021 to 2022, the Municipal Social Cell, run with UN-Habitat, deployed "
                "community mobilisers and social workers in the Sabra and Hay Tamlis "
                "neighbourhoods.</p>"
            ),
        },
        "themes": ["exchange"],
        "figures": [],
    },
    {
        "key": "tangier",
        "title": {"ar": "طنجة", "fr": "Tanger", "en": "Tangier"},
        "slug": {"ar": "طنجة", "fr": "tanger", "en": "tangier"},
        "official_name": {
            "ar": "جماعة طنجة",
            "fr": "Commune de Tanger",
            "en": "City of Tangier",
        },
        "country": {"ar": "المغرب", "fr": "Maroc", "en": "Morocco"},
        "region": "south_mediterranean",
        "latitude": "35.78",
        "longitude": "-5.80",
        "member_since": 2015,
        "portrait": {
            "ar": (
                "<p>طنجة مدينة في المغرب، وهي مدينة شريكة في المشروع منذ العام 2015. استضافت "
                "في تشرين الثاني/نوفمبر 2016 اجتماع النظراء حول حقوق الإنسان والوصول إلى "
                "الخدمات.</p>"
                "<p>بحسب الإحصاء العام للسكان والسكنى لعام 2014، بلغ عدد سكان طنجة 947.952 "
                "نسمة، من بينهم 5.145 مقيماً أجنبياً، أي 0,5% من السكان. وبين العامين 2020 "
                "و2022، أطلقت المدينة مشروع «طنجة تستقبل» (TangerAccueil) لاستقبال المهاجرين "
                "وتوجيههم.</p>"
            ),
            "fr": (
                "<p>Tanger, au Maroc, est ville partenaire du projet depuis 2015. Elle a "
                "accueilli en novembre 2016 la rencontre entre pairs sur les droits humains et "
                "l’accès aux services.</p>"
                "<p>Selon le recensement général de la population de 2014, Tanger comptait "
                "947\u202f952 habitants, dont 5\u202f145 résidents étrangers, soit 0,5\u202f% "
                "de la population. De 2020 à 2022, la ville a mené le projet TangerAccueil "
                "d’accueil et d’orientation des migrants.</p>"
            ),
            "en": (
                "<p>Tangier, in Morocco, has been a partner city of the project since 2015. In "
                "November 2016 it hosted the peer meeting on human rights and access to "
                "services.</p>"
                "<p>According to the 2014 general population census, Tangier had 947,952 "
                "inhabitants, including 5,145 foreign residents, or 0.5% of the population. "
                "From 2020 to 2022 the city ran TangerAccueil, a project to welcome and guide "
                "migrants.</p>"
            ),
        },
        "themes": ["health-care", "education"],
        "figures": [
            {
                "label": {"ar": "عدد السكان", "fr": "Population", "en": "Population"},
                "qualifier": "",
                "value": "947952",
                "unit": "people",
                "measure": "population",
                "year": 2014,
                "source": {
                    "ar": "الإحصاء العام للسكان والسكنى، 2014",
                    "fr": "Recensement général de la population et de l’habitat, 2014",
                    "en": "General census of population and housing, 2014",
                },
            },
            {
                "label": {
                    "ar": "المقيمون الأجانب",
                    "fr": "Résidents étrangers",
                    "en": "Foreign residents",
                },
                "qualifier": "",
                "value": "5145",
                "unit": "people",
                "measure": "foreign_residents",
                "year": 2014,
                "source": {
                    "ar": "الإحصاء العام للسكان والسكنى، 2014",
                    "fr": "Recensement général de la population et de l’habitat, 2014",
                    "en": "General census of population and housing, 2014",
                },
            },
            {
                "label": {
                    "ar": "نسبة المقيمين الأجانب من السكان",
                    "fr": "Part des résidents étrangers dans la population",
                    "en": "Foreign residents, share of the population",
                },
                "qualifier": "",
                "value": "0.5",
                "unit": "percent",
                "measure": "foreign_share",
                "year": 2014,
                "source": {
                    "ar": "الإحصاء العام للسكان والسكنى، 2014",
                    "fr": "Recensement général de la population et de l’habitat, 2014",
                    "en": "General census of population and housing, 2014",
                },
            },
        ],
    },
    {
        "key": "tunis",
        "title": {"ar": "تونس", "fr": "Tunis", "en": "Tunis"},
        "slug": {"ar": "تونس", "fr": "tunis", "en": "tunis"},
        "official_name": {
            "ar": "بلدية تونس",
            "fr": "Commune de Tunis",
            "en": "City of Tunis",
        },
        "country": {"ar": "تونس", "fr": "Tunisie", "en": "Tunisia"},
        "region": "south_mediterranean",
        "latitude": "36.81",
        "longitude": "10.18",
        "member_since": 2015,
        "portrait": {
            "ar": (
                "<p>تونس مدينة في الجمهورية التونسية، وهي مدينة شريكة في المشروع منذ العام "
                "2015. استضافت في أيلول/سبتمبر 2018 اجتماع النظراء حول التواصل بشأن الهجرة "
                "بوصفه مسألة من مسائل الحوكمة المحلية.</p>"
                "<p>بحسب التعداد العام للسكان والسكنى لعام 2014، بلغ عدد سكان المدينة 638.845 "
                "نسمة. ويمثّل المهاجرون أقل من 1% من سكانها.</p>"
            ),
            "fr": (
                "<p>Tunis, en Tunisie, est ville partenaire du projet depuis 2015. Elle a "
                "accueilli en septembre 2018 la rencontre entre pairs sur la communication sur "
                "la migration, un enjeu de gouvernance locale.</p>"
                "<p>Selon le recensement général de la population et de l’habitat de 2014, la "
                "ville comptait 638\u202f845 habitants. Les migrants représentent moins de "
                "1\u202f% de ses résidents.</p>"
            ),
            "en": (
                "<p>Tunis, in Tunisia, has been a partner city of the project since 2015. In "
                "September 2018 it hosted the peer meeting on communicating on migration as an "
                "issue of local governance.</p>"
                "<p>According to the 2014 general census of population and housing, the city "
                "had 638,845 inhabitants. Migrants make up less than 1% of its residents.</p>"
            ),
        },
        "themes": ["exchange", "understanding"],
        "figures": [
            {
                "label": {"ar": "عدد السكان", "fr": "Population", "en": "Population"},
                "qualifier": "",
                "value": "638845",
                "unit": "people",
                "measure": "population",
                "year": 2014,
                "source": {
                    "ar": "التعداد العام للسكان والسكنى، 2014",
                    "fr": "Recensement général de la population et de l’habitat, 2014",
                    "en": "General census of population and housing, 2014",
                },
            },
        ],
    },
    {
        "key": "sfax",
        "title": {"ar": "صفاقس", "fr": "Sfax", "en": "Sfax"},
        "slug": {"ar": "صفاقس", "fr": "sfax", "en": "sfax"},
        "official_name": {
            "ar": "بلدية صفاقس",
            "fr": "Commune de Sfax",
            "en": "City of Sfax",
        },
        "country": {"ar": "تونس", "fr": "Tunisie", "en": "Tunisia"},
        "region": "south_mediterranean",
        "latitude": "34.74",
        "longitude": "10.76",
        "member_since": 2018,
        "portrait": {
            "ar": (
                "<p>صفاقس مدينة في تونس انضمت إلى الشبكة في العام 2018 عند توسيعها. استضافت "
                "في حزيران/يونيو 2019 اجتماع النظراء حول التعاون مع المجتمع المدني.</p>"
                "<p>بين العامين 2019 و2021، عملت المدينة من خلال مشروع ACMALS على تحسين "
                "التنسيق بين الجهات المحلية الفاعلة في مجال الهجرة.</p>"
            ),
            "fr": (
                "<p>Sfax, en Tunisie, a rejoint le réseau en 2018, lors de son élargissement. "
                "Elle a accueilli en juin 2019 la rencontre entre pairs sur la coopération avec "
                "la société civile.</p>"
                "<p>De 2019 à 2021, la ville a travaillé, avec le projet ACMALS, à une "
                "meilleure coordination des acteurs locaux de la migration.</p>"
            ),
            "en": (
                "<p>Sfax, in Tunisia, joined the network in 2018, when it widened. In June 2019 "
                "it hosted the peer meeting on cooperation with civil society.</p>"
                "<p>From 2019 to 2021, through the ACMALS project, the city worked towards "
                "better coordination of the local actors working on migration.</p>"
            ),
        },
        "themes": ["exchange"],
        "figures": [],
    },
    {
        "key": "lisbon",
        "title": {"ar": "لشبونة", "fr": "Lisbonne", "en": "Lisbon"},
        "slug": {"ar": "لشبونة", "fr": "lisbonne", "en": "lisbon"},
        "official_name": {
            "ar": "بلدية لشبونة",
            "fr": "Ville de Lisbonne",
            "en": "City of Lisbon",
        },
        "country": {"ar": "البرتغال", "fr": "Portugal", "en": "Portugal"},
        "region": "europe",
        "latitude": "38.72",
        "longitude": "-9.14",
        "member_since": 2015,
        "portrait": {
            "ar": (
                "<p>لشبونة مدينة في البرتغال، وهي مدينة شريكة في المشروع منذ العام 2015. "
                "استضافت في تموز/يوليو 2016 اجتماع النظراء حول التماسك الاجتماعي والحوار بين "
                "الثقافات والأديان.</p>"
                "<p>في العام 2011، شكّل الرعايا الأجانب نحو 10% من سكان المدينة و22% في "
                "منطقتها الحضرية الكبرى. وأبرز بلدان المنشأ هي البرازيل والرأس الأخضر والصين "
                "وأنغولا.</p>"
            ),
            "fr": (
                "<p>Lisbonne, au Portugal, est ville partenaire du projet depuis 2015. Elle a "
                "accueilli en juillet 2016 la rencontre entre pairs sur la cohésion sociale et "
                "le dialogue interculturel et interreligieux.</p>"
                "<p>En 2011, les ressortissants étrangers représentaient environ 10\u202f% des "
                "habitants de la ville, et 22\u202f% dans l’aire métropolitaine. Les principaux "
                "pays d’origine sont le Brésil, le Cap-Vert, la Chine et l’Angola.</p>"
            ),
            "en": (
                "<p>Lisbon, in Portugal, has been a partner city of the project since 2015. In "
                "July 2016 it hosted the peer meeting on social cohesion and intercultural and "
                "inter-religious dialogue.</p>"
                "<p>In 2011, foreign nationals made up about 10% of the city's residents, and "
                "22% in the metropolitan area. The main countries of origin are Brazil, Cape "
                "Verde, China and Angola.</p>"
            ),
        },
        "themes": ["exchange", "understanding", "peaceful-practices"],
        "figures": [
            {
                "label": {
                    "ar": "نسبة الرعايا الأجانب من سكان المدينة",
                    "fr": "Part des ressortissants étrangers dans la population de la ville",
                    "en": "Foreign nationals, share of the city's residents",
                },
                "qualifier": "about",
                "value": "10",
                "unit": "percent",
                "measure": "foreign_share",
                "year": 2011,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة لشبونة، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Lisbonne",
                    "en": "MC2CM City Migration Profile, Lisbon",
                },
            },
            {
                "label": {
                    "ar": "نسبة الرعايا الأجانب في المنطقة الحضرية الكبرى",
                    "fr": "Part des ressortissants étrangers dans l’aire métropolitaine",
                    "en": "Foreign nationals, share in the metropolitan area",
                },
                "qualifier": "",
                "value": "22",
                "unit": "percent",
                "year": 2011,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة لشبونة، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Lisbonne",
                    "en": "MC2CM City Migration Profile, Lisbon",
                },
            },
        ],
    },
    {
        "key": "lyon",
        "title": {"ar": "ليون", "fr": "Lyon", "en": "Lyon"},
        "slug": {"ar": "ليون", "fr": "lyon", "en": "lyon"},
        "official_name": {
            "ar": "مدينة ليون ومتروبول ليون",
            "fr": "Ville et Métropole de Lyon",
            "en": "City and Metropolis of Lyon",
        },
        "country": {"ar": "فرنسا", "fr": "France", "en": "France"},
        "region": "europe",
        "latitude": "45.76",
        "longitude": "4.84",
        "member_since": 2015,
        "portrait": {
            "ar": (
                "<p>ليون مدينة في فرنسا تمثّلها في الشبكة المدينة والمتروبول معاً، وهي مدينة "
                "شريكة في المشروع منذ العام 2015. استضافت في كانون الأول/ديسمبر 2017 اجتماع "
                "النظراء حول التنسيق بين مستويات الحكم في حوكمة الهجرة.</p>"
                "<p>بلغ عدد سكان متروبول ليون 1.333.618 نسمة في العام 2013، وبلغ عدد "
                "المهاجرين فيه 180.445 شخصاً في العام 2012، أي 13,6% من السكان.</p>"
            ),
            "fr": (
                "<p>Lyon, en France, est représentée dans le réseau par la Ville et la "
                "Métropole, partenaires du projet depuis 2015. Elle a accueilli en décembre "
                "2017 la rencontre entre pairs sur la coordination entre niveaux de "
                "gouvernement dans la gouvernance des migrations.</p>"
                "<p>La Métropole de Lyon comptait 1\u202f333\u202f618 habitants en 2013, et "
                "180\u202f445 immigrés en 2012, soit 13,6\u202f% de la population.</p>"
            ),
            "en": (
                "<p>Lyon, in France, is represented in the network by the City and the "
                "Metropolis, partners of the project since 2015. In December 2017 it hosted the "
                "peer meeting on coordination between levels of government in migration "
                "governance.</p>"
                "<p>The Metropolis of Lyon had 1,333,618 inhabitants in 2013, and 180,445 "
                "immigrants in 2012, or 13.6% of the population.</p>"
            ),
        },
        "themes": ["exchange"],
        "figures": [
            {
                "label": {
                    "ar": "عدد سكان متروبول ليون",
                    "fr": "Habitants de la Métropole de Lyon",
                    "en": "Inhabitants of the Metropolis of Lyon",
                },
                "qualifier": "",
                "value": "1333618",
                "unit": "people",
                "measure": "population",
                "year": 2013,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة ليون، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Lyon",
                    "en": "MC2CM City Migration Profile, Lyon",
                },
            },
            {
                "label": {
                    "ar": "المهاجرون في متروبول ليون",
                    "fr": "Immigrés dans la Métropole de Lyon",
                    "en": "Immigrants in the Metropolis of Lyon",
                },
                "qualifier": "",
                "value": "180445",
                "unit": "people",
                "year": 2012,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة ليون، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Lyon",
                    "en": "MC2CM City Migration Profile, Lyon",
                },
            },
            {
                "label": {
                    "ar": "نسبة المهاجرين من السكان",
                    "fr": "Part des immigrés dans la population",
                    "en": "Immigrants, share of the population",
                },
                "qualifier": "",
                "value": "13.6",
                "unit": "percent",
                "year": 2012,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة ليون، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Lyon",
                    "en": "MC2CM City Migration Profile, Lyon",
                },
            },
        ],
    },
    {
        "key": "madrid",
        "title": {"ar": "مدريد", "fr": "Madrid", "en": "Madrid"},
        "slug": {"ar": "مدريد", "fr": "madrid", "en": "madrid"},
        "official_name": {
            "ar": "بلدية مدريد",
            "fr": "Ville de Madrid",
            "en": "City of Madrid",
        },
        "country": {"ar": "إسبانيا", "fr": "Espagne", "en": "Spain"},
        "region": "europe",
        "latitude": "40.42",
        "longitude": "-3.70",
        "member_since": 2015,
        "portrait": {
            "ar": (
                "<p>مدريد مدينة في إسبانيا، وهي مدينة شريكة في المشروع منذ العام 2015. "
                "استضافت في تشرين الثاني/نوفمبر 2016 اجتماع النظراء حول الشغل وريادة "
                "الأعمال.</p>"
                "<p>في تموز/يوليو 2017، كان في المدينة 405.233 مقيماً أجنبياً، أي أقل بقليل "
                "من 13% من السكان، فيما بلغت نسبة المولودين في الخارج 20,5% في العام "
                "نفسه.</p>"
            ),
            "fr": (
                "<p>Madrid, en Espagne, est ville partenaire du projet depuis 2015. Elle a "
                "accueilli en novembre 2016 la rencontre entre pairs sur l’emploi et "
                "l’entrepreneuriat.</p>"
                "<p>En juillet 2017, la ville comptait 405\u202f233 résidents étrangers, soit "
                "un peu moins de 13\u202f% de la population\u202f; la même année, 20,5\u202f% "
                "de ses habitants étaient nés à l’étranger.</p>"
            ),
            "en": (
                "<p>Madrid, in Spain, has been a partner city of the project since 2015. In "
                "November 2016 it hosted the peer meeting on employment and "
                "entrepreneurship.</p>"
                "<p>In July 2017 the city had 405,233 foreign residents, just under 13% of the "
                "population; in the same year, 20.5% of its residents were born abroad.</p>"
            ),
        },
        "themes": ["employment"],
        "figures": [
            {
                "label": {
                    "ar": "المقيمون الأجانب",
                    "fr": "Résidents étrangers",
                    "en": "Foreign residents",
                },
                "qualifier": "",
                "value": "405233",
                "unit": "people",
                "measure": "foreign_residents",
                "year": 2017,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة مدريد، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Madrid",
                    "en": "MC2CM City Migration Profile, Madrid",
                },
            },
            {
                "label": {
                    "ar": "نسبة المقيمين الأجانب من السكان",
                    "fr": "Part des résidents étrangers dans la population",
                    "en": "Foreign residents, share of the population",
                },
                "qualifier": "just_under",
                "value": "13",
                "unit": "percent",
                "measure": "foreign_share",
                "year": 2017,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة مدريد، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Madrid",
                    "en": "MC2CM City Migration Profile, Madrid",
                },
            },
            {
                "label": {
                    "ar": "نسبة السكان المولودين في الخارج",
                    "fr": "Part des habitants nés à l’étranger",
                    "en": "Residents born abroad, share of the population",
                },
                "qualifier": "",
                "value": "20.5",
                "unit": "percent",
                "measure": "born_abroad_share",
                "year": 2017,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة مدريد، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Madrid",
                    "en": "MC2CM City Migration Profile, Madrid",
                },
            },
        ],
    },
    {
        "key": "turin",
        "title": {"ar": "تورينو", "fr": "Turin", "en": "Turin"},
        "slug": {"ar": "تورينو", "fr": "turin", "en": "turin"},
        "official_name": {
            "ar": "مدينة تورينو الحضرية الكبرى",
            "fr": "Ville métropolitaine de Turin",
            "en": "Metropolitan City of Turin",
        },
        "country": {"ar": "إيطاليا", "fr": "Italie", "en": "Italy"},
        "region": "europe",
        "latitude": "45.07",
        "longitude": "7.69",
        "member_since": 2015,
        "portrait": {
            "ar": (
                "<p>تورينو مدينة في إيطاليا تمثّلها في الشبكة مدينة تورينو الحضرية الكبرى، "
                "وهي مدينة شريكة في المشروع منذ العام 2015. استضافت في تموز/يوليو 2017 اجتماع "
                "النظراء حول المساواة والإدماج الاجتماعي والتربوي للمهاجرين.</p>"
                "<p>في العام 2016، أقام في مدينة تورينو الحضرية الكبرى 221.961 أجنبياً، أي أقل "
                "بقليل من 10% من السكان. وفي العام 2015، كان 46% منهم من رومانيا و12% من "
                "المغرب.</p>"
            ),
            "fr": (
                "<p>Turin, en Italie, est représentée dans le réseau par la Ville "
                "métropolitaine de Turin, partenaire du projet depuis 2015. Elle a accueilli en "
                "juillet 2017 la rencontre entre pairs sur l’égalité et l’inclusion "
                "socio-éducative des migrants.</p>"
                "<p>En 2016, la Ville métropolitaine comptait 221\u202f961 résidents étrangers, "
                "soit un peu moins de 10\u202f% de la population. En 2015, 46\u202f% d’entre eux "
                "venaient de Roumanie et 12\u202f% du Maroc.</p>"
            ),
            "en": (
                "<p>Turin, in Italy, is represented in the network by the Metropolitan City of "
                "Turin, a partner of the project since 2015. In July 2017 it hosted the peer "
                "meeting on equality and the socio-educational inclusion of migrants.</p>"
                "<p>In 2016 the Metropolitan City had 221,961 foreign residents, just under 10% "
                "of the population. In 2015, 46% of them came from Romania and 12% from "
                "Morocco.</p>"
            ),
        },
        "themes": ["understanding", "education"],
        "figures": [
            {
                "label": {
                    "ar": "المقيمون الأجانب في مدينة تورينو الحضرية الكبرى",
                    "fr": "Résidents étrangers dans la Ville métropolitaine",
                    "en": "Foreign residents in the Metropolitan City",
                },
                "qualifier": "",
                "value": "221961",
                "unit": "people",
                "measure": "foreign_residents",
                "year": 2016,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة تورينو، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Turin",
                    "en": "MC2CM City Migration Profile, Turin",
                },
            },
            {
                "label": {
                    "ar": "نسبة المقيمين الأجانب من السكان",
                    "fr": "Part des résidents étrangers dans la population",
                    "en": "Foreign residents, share of the population",
                },
                "qualifier": "just_under",
                "value": "10",
                "unit": "percent",
                "measure": "foreign_share",
                "year": 2016,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة تورينو، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Turin",
                    "en": "MC2CM City Migration Profile, Turin",
                },
            },
            {
                "label": {
                    "ar": "القادمون من رومانيا، نسبتهم من المقيمين الأجانب",
                    "fr": "Originaires de Roumanie, part des résidents étrangers",
                    "en": "From Romania, share of foreign residents",
                },
                "qualifier": "",
                "value": "46",
                "unit": "percent",
                "year": 2015,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة تورينو، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Turin",
                    "en": "MC2CM City Migration Profile, Turin",
                },
            },
            {
                "label": {
                    "ar": "القادمون من المغرب، نسبتهم من المقيمين الأجانب",
                    "fr": "Originaires du Maroc, part des résidents étrangers",
                    "en": "From Morocco, share of foreign residents",
                },
                "qualifier": "",
                "value": "12",
                "unit": "percent",
                "year": 2015,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة تورينو، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Turin",
                    "en": "MC2CM City Migration Profile, Turin",
                },
            },
        ],
    },
    {
        "key": "vienna",
        "title": {"ar": "فيينا", "fr": "Vienne", "en": "Vienna"},
        "slug": {"ar": "فيينا", "fr": "vienne", "en": "vienna"},
        "official_name": {
            "ar": "مدينة فيينا",
            "fr": "Ville de Vienne",
            "en": "City of Vienna",
        },
        "country": {"ar": "النمسا", "fr": "Autriche", "en": "Austria"},
        "region": "europe",
        "latitude": "48.21",
        "longitude": "16.37",
        "member_since": 2015,
        "portrait": {
            "ar": (
                "<p>فيينا مدينة في النمسا، وهي مدينة شريكة في المشروع منذ العام 2015. استضافت "
                "في شباط/فبراير 2017 اجتماع النظراء حول حماية اللاجئين في المدن.</p>"
                "<p>في العام 2016، بلغ عدد سكان فيينا نحو 1,84 مليون نسمة، وُلد نحو 35% منهم "
                "في الخارج، ونحو 27% منهم من الرعايا الأجانب.</p>"
            ),
            "fr": (
                "<p>Vienne, en Autriche, est ville partenaire du projet depuis 2015. Elle a "
                "accueilli en février 2017 la rencontre entre pairs sur la protection des "
                "réfugiés dans les villes.</p>"
                "<p>En 2016, Vienne comptait environ 1,84 million d’habitants\u202f; environ "
                "35\u202f% étaient nés à l’étranger et environ 27\u202f% étaient de nationalité "
                "étrangère.</p>"
            ),
            "en": (
                "<p>Vienna, in Austria, has been a partner city of the project since 2015. In "
                "February 2017 it hosted the peer meeting on the protection of refugees in "
                "cities.</p>"
                "<p>In 2016 Vienna had about 1.84 million inhabitants; about 35% were born "
                "abroad and about 27% were foreign nationals.</p>"
            ),
        },
        "themes": ["housing", "health-care"],
        "figures": [
            {
                "label": {"ar": "عدد السكان", "fr": "Population", "en": "Population"},
                "qualifier": "about",
                "value": "1840000",
                "unit": "people",
                "measure": "population",
                "year": 2016,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة فيينا، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Vienne",
                    "en": "MC2CM City Migration Profile, Vienna",
                },
            },
            {
                "label": {
                    "ar": "نسبة السكان المولودين في الخارج",
                    "fr": "Part des habitants nés à l’étranger",
                    "en": "Residents born abroad, share of the population",
                },
                "qualifier": "about",
                "value": "35",
                "unit": "percent",
                "measure": "born_abroad_share",
                "year": 2016,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة فيينا، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Vienne",
                    "en": "MC2CM City Migration Profile, Vienna",
                },
            },
            {
                "label": {
                    "ar": "نسبة الرعايا الأجانب من السكان",
                    "fr": "Part des ressortissants étrangers dans la population",
                    "en": "Foreign nationals, share of the population",
                },
                "qualifier": "about",
                "value": "27",
                "unit": "percent",
                "measure": "foreign_share",
                "year": 2016,
                "source": {
                    "ar": "ملف الهجرة الخاص بمدينة فيينا، مشروع MC2CM",
                    "fr": "Profil migratoire de la ville MC2CM, Vienne",
                    "en": "MC2CM City Migration Profile, Vienna",
                },
            },
        ],
    },
]

# --- Dialogue -------------------------------------------------------------------------------

DIALOGUE = {
    "title": {"ar": "الحوار", "fr": "Dialogue", "en": "Dialogue"},
    "slug": {"ar": "الحوار", "fr": "dialogue", "en": "dialogue"},
    "intro": {
        "ar": (
            "يجمع الحوار بين المدن الشريكة من خلال اجتماعات النظراء حول قضايا الهجرة، وشبكة "
            "تربط بين مسؤولي إدارات المدن والمنظمات غير الحكومية والمجتمع الأكاديمي."
        ),
        "fr": (
            "Le dialogue rassemble les villes partenaires\u202f: des rencontres entre pairs sur "
            "les questions de migration et un réseau qui relie responsables municipaux, ONG et "
            "monde académique."
        ),
        "en": (
            "Dialogue brings the partner cities together: peer-to-peer meetings on migration "
            "issues, and a network linking officials of city administrations, NGOs and "
            "academia."
        ),
    },
}

PEER_MEETING_INDEX = {
    "title": {
        "ar": "اجتماعات النظراء",
        "fr": "Rencontres entre pairs",
        "en": "Peer-to-peer meetings",
    },
    "slug": {"ar": "اجتماعات-النظراء", "fr": "rencontres-entre-pairs", "en": "peer-meetings"},
    "intro": {
        "ar": (
            "تقيم اجتماعات النظراء صلة وصل بين أصحاب المصلحة من المدن المعنية كافة، فيجتمعون "
            "لمناقشة قضايا الهجرة ذات الصلة."
        ),
        "fr": (
            "Les rencontres entre pairs relient les acteurs de toutes les villes concernées, qui "
            "se réunissent pour débattre des questions de migration qui les touchent."
        ),
        "en": (
            "Peer meetings connect stakeholders from all the cities concerned, who come together "
            "to discuss the migration issues that matter to them."
        ),
    },
    "key_points": {
        "ar": (
            "الإسكان\nالتبادل\nالرعاية الصحية\nالفهم\nالتعليم\nالتخطيط الحضري\n"
            "الممارسات السلمية\nالشغل"
        ),
        "fr": (
            "Logement\nÉchange\nSoins de santé\nCompréhension\nÉducation\nUrbanisme\n"
            "Pratiques pacifiques\nEmploi"
        ),
        "en": (
            "Housing\nExchange\nHealth care\nUnderstanding\nEducation\nUrban planning\n"
            "Peaceful practices\nEmployment"
        ),
    },
}

CITY_NETWORK = {
    "title": {
        "ar": "الشبكة المشتركة بين المدن",
        "fr": "Le réseau de ville à ville",
        "en": "The city-to-city network",
    },
    "slug": {"ar": "الشبكة-بين-المدن", "fr": "reseau-de-villes", "en": "city-network"},
    "intro": {
        "ar": (
            "تقيم الشبكة صلة وصل بين مسؤولين من إدارات المدن، والمنظمات غير الحكومية، "
            "والمجتمع الأكاديمي."
        ),
        "fr": (
            "Le réseau relie des responsables des administrations municipales, des "
            "organisations non gouvernementales et le monde académique."
        ),
        "en": (
            "The network links officials from city administrations, non-governmental "
            "organisations and the academic community."
        ),
    },
    "stakeholders": {
        "ar": (
            "السلطات الوطنية\nإدارات المدينة\nالمجتمع المدني\nالمجتمع الأكاديمي\n"
            "القطاع الخاص\nالثقافة\nالتحضر\nالالتزام"
        ),
        "fr": (
            "Autorités nationales\nAdministrations municipales\nSociété civile\n"
            "Monde académique\nSecteur privé\nCulture\nUrbanisation\nEngagement"
        ),
        "en": (
            "National authorities\nCity administrations\nCivil society\nAcademia\n"
            "Private sector\nCulture\nUrbanisation\nCommitment"
        ),
    },
}

PEER_MEETINGS = [
    {
        "key": "lisbon-2016",
        "title": {
            "ar": "اجتماع النظراء في لشبونة: التماسك الاجتماعي والحوار بين الثقافات",
            "fr": (
                "Rencontre entre pairs à Lisbonne\u202f: cohésion sociale et dialogue interculturel"
            ),
            "en": "Peer meeting in Lisbon: social cohesion and intercultural dialogue",
        },
        "slug": {"ar": "اجتماع-لشبونة-2016", "fr": "lisbonne-2016", "en": "lisbon-2016"},
        "start_date": "2016-07-12",
        "end_date": "2016-07-13",
        "host": "lisbon",
        "venue": None,
        "themes": ["understanding", "peaceful-practices", "exchange"],
        "summary": {
            "ar": (
                "استضافت لشبونة اجتماع النظراء هذا المخصّص للتماسك الاجتماعي وللحوار بين "
                "الثقافات والأديان. وتناول الاجتماع السبل التي تستطيع بها المدن مساعدة سكان "
                "من أصول ومعتقدات مختلفة على العيش معاً."
            ),
            "fr": (
                "Lisbonne a accueilli cette rencontre entre pairs consacrée à la cohésion "
                "sociale et au dialogue interculturel et interreligieux. Elle a porté sur la "
                "manière dont les villes peuvent aider des habitants d’origines et de "
                "convictions diverses à vivre ensemble."
            ),
            "en": (
                "Lisbon hosted this peer meeting on social cohesion and on intercultural and "
                "inter-religious dialogue. It looked at how cities can help residents of "
                "different origins and beliefs to live together."
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — اجتماع النظراء في لشبونة، 2016",
            "fr": "Document de référence — Rencontre entre pairs à Lisbonne, 2016",
            "en": "Background document — Peer meeting in Lisbon, 2016",
        },
        "report_title": {
            "ar": "تقرير الاجتماع — اجتماع النظراء في لشبونة، 2016",
            "fr": "Compte rendu — Rencontre entre pairs à Lisbonne, 2016",
            "en": "Meeting report — Peer meeting in Lisbon, 2016",
        },
    },
    {
        "key": "quito-2016",
        "title": {
            "ar": "فعالية جانبية لمؤتمر الموئل الثالث في كيتو: الواقع المتعدد الأبعاد للهجرة "
            "في المدن",
            "fr": "Événement parallèle à Habitat III à Quito\u202f: la réalité multidimensionnelle "
            "de la migration dans les villes",
            "en": "Habitat III side event in Quito: the multidimensional reality of migration "
            "in cities",
        },
        "slug": {"ar": "فعالية-كيتو-2016", "fr": "quito-2016", "en": "quito-2016"},
        "start_date": "2016-10-17",
        "end_date": None,
        "host": None,
        "venue": {
            "ar": "كيتو، الإكوادور — فعالية جانبية لمؤتمر الموئل الثالث",
            "fr": "Quito, Équateur — événement parallèle à Habitat III",
            "en": "Quito, Ecuador — Habitat III side event",
        },
        "themes": ["understanding", "urban-planning"],
        "summary": {
            "ar": (
                "تناولت هذه الفعالية الجانبية لمؤتمر الموئل الثالث في كيتو الواقعَ المتعدد "
                "الأبعاد للهجرة في المدن. وقد نُظّمت على مدى يوم واحد خارج المدن الشريكة."
            ),
            "fr": (
                "Cet événement parallèle à la conférence Habitat III, à Quito, a abordé la "
                "réalité multidimensionnelle de la migration dans les villes. Organisé sur une "
                "journée, il s’est tenu en dehors des villes partenaires."
            ),
            "en": (
                "This side event of the Habitat III conference in Quito addressed the "
                "multidimensional reality of migration in cities. It was a one-day event, "
                "held outside the partner cities."
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — فعالية جانبية لمؤتمر الموئل الثالث في كيتو، 2016",
            "fr": "Document de référence — Événement parallèle à Habitat III à Quito, 2016",
            "en": "Background document — Habitat III side event in Quito, 2016",
        },
        "report_title": {
            "ar": "تقرير الفعالية — فعالية جانبية لمؤتمر الموئل الثالث في كيتو، 2016",
            "fr": "Compte rendu — Événement parallèle à Habitat III à Quito, 2016",
            "en": "Meeting report — Habitat III side event in Quito, 2016",
        },
    },
    {
        "key": "madrid-2016",
        "title": {
            "ar": "اجتماع النظراء في مدريد: الشغل وريادة الأعمال",
            "fr": "Rencontre entre pairs à Madrid\u202f: emploi et entrepreneuriat",
            "en": "Peer meeting in Madrid: employment and entrepreneurship",
        },
        "slug": {"ar": "اجتماع-مدريد-2016", "fr": "madrid-2016", "en": "madrid-2016"},
        "start_date": "2016-11-03",
        "end_date": "2016-11-04",
        "host": "madrid",
        "venue": None,
        "themes": ["employment"],
        "summary": {
            "ar": (
                "استضافت مدريد اجتماع النظراء هذا حول الشغل وريادة الأعمال. وتبادلت المدن "
                "الشريكة الآراء حول الكيفية التي يمكن بها للسياسات المحلية أن تيسّر وصول "
                "المهاجرين إلى العمل وإلى إنشاء المشاريع."
            ),
            "fr": (
                "Madrid a accueilli cette rencontre entre pairs sur l’emploi et "
                "l’entrepreneuriat. Les villes partenaires ont échangé sur la manière dont les "
                "politiques locales peuvent ouvrir aux migrants l’accès au travail et à la "
                "création d’entreprise."
            ),
            "en": (
                "Madrid hosted this peer meeting on employment and entrepreneurship. Partner "
                "cities exchanged views on how local policies can open access to work and to "
                "setting up a business for migrants."
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — اجتماع النظراء في مدريد، 2016",
            "fr": "Document de référence — Rencontre entre pairs à Madrid, 2016",
            "en": "Background document — Peer meeting in Madrid, 2016",
        },
        "report_title": {
            "ar": "تقرير الاجتماع — اجتماع النظراء في مدريد، 2016",
            "fr": "Compte rendu — Rencontre entre pairs à Madrid, 2016",
            "en": "Meeting report — Peer meeting in Madrid, 2016",
        },
    },
    {
        "key": "tangier-2016",
        "title": {
            "ar": "اجتماع النظراء في طنجة: حقوق الإنسان والوصول إلى الخدمات",
            "fr": "Rencontre entre pairs à Tanger\u202f: droits humains et accès aux services",
            "en": "Peer meeting in Tangier: human rights and access to services",
        },
        "slug": {"ar": "اجتماع-طنجة-2016", "fr": "tanger-2016", "en": "tangier-2016"},
        "start_date": "2016-11-28",
        "end_date": "2016-11-29",
        "host": "tangier",
        "venue": None,
        "themes": ["health-care", "education"],
        "summary": {
            "ar": (
                "استضافت طنجة اجتماع النظراء هذا حول حقوق الإنسان ووصول المهاجرين إلى "
                "الخدمات. وتناول الاجتماع الكيفية التي يمكن بها للمدن أن تضمن الحقوق وأن تفتح "
                "خدماتها، كالرعاية الصحية والتعليم، أمام جميع السكان."
            ),
            "fr": (
                "Tanger a accueilli cette rencontre entre pairs sur les droits humains et "
                "l’accès des migrants aux services. Elle a porté sur la manière dont les villes "
                "peuvent garantir les droits et ouvrir leurs services, comme la santé et "
                "l’éducation, à tous les habitants."
            ),
            "en": (
                "Tangier hosted this peer meeting on human rights and migrants' access to "
                "services. It looked at how cities can guarantee rights and open their "
                "services, such as health care and education, to all residents."
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — اجتماع النظراء في طنجة، 2016",
            "fr": "Document de référence — Rencontre entre pairs à Tanger, 2016",
            "en": "Background document — Peer meeting in Tangier, 2016",
        },
        "report_title": {
            "ar": "تقرير الاجتماع — اجتماع النظراء في طنجة، 2016",
            "fr": "Compte rendu — Rencontre entre pairs à Tanger, 2016",
            "en": "Meeting report — Peer meeting in Tangier, 2016",
        },
    },
    {
        "key": "vienna-2017",
        "title": {
            "ar": "اجتماع النظراء في فيينا: حماية اللاجئين في المدن",
            "fr": (
                "Rencontre entre pairs à Vienne\u202f: la protection des réfugiés dans les villes"
            ),
            "en": "Peer meeting in Vienna: protection of refugees in cities",
        },
        "slug": {"ar": "اجتماع-فيينا-2017", "fr": "vienne-2017", "en": "vienna-2017"},
        "start_date": "2017-02-14",
        "end_date": "2017-02-15",
        "host": "vienna",
        "venue": None,
        "themes": ["housing", "health-care"],
        "summary": {
            "ar": (
                "استضافت فيينا اجتماع النظراء هذا حول حماية اللاجئين في المدن. وتناول دور "
                "السلطات المحلية في استقبال اللاجئين وتأمين وصولهم إلى السكن والخدمات "
                "الأساسية."
            ),
            "fr": (
                "Vienne a accueilli cette rencontre entre pairs sur la protection des réfugiés "
                "dans les villes. Elle a abordé le rôle des autorités locales dans l’accueil des "
                "réfugiés et dans leur accès au logement et aux services essentiels."
            ),
            "en": (
                "Vienna hosted this peer meeting on the protection of refugees in cities. It "
                "addressed the role of local authorities in receiving refugees and in giving "
                "them access to housing and essential services."
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — اجتماع النظراء في فيينا، 2017",
            "fr": "Document de référence — Rencontre entre pairs à Vienne, 2017",
            "en": "Background document — Peer meeting in Vienna, 2017",
        },
        "report_title": {
            "ar": "تقرير الاجتماع — اجتماع النظراء في فيينا، 2017",
            "fr": "Compte rendu — Rencontre entre pairs à Vienne, 2017",
            "en": "Meeting report — Peer meeting in Vienna, 2017",
        },
    },
    {
        "key": "amman-2017",
        "title": {
            "ar": "اجتماع النظراء في عمّان: الإسكان الاجتماعي والتخطيط الحضري من أجل مدن دامجة",
            "fr": "Rencontre entre pairs à Amman\u202f: logement social et urbanisme pour des "
            "villes inclusives",
            "en": "Peer meeting in Amman: social housing and urban planning for inclusive cities",
        },
        "slug": {"ar": "اجتماع-عمان-2017", "fr": "amman-2017", "en": "amman-2017"},
        "start_date": "2017-04-25",
        "end_date": "2017-04-26",
        "host": "amman",
        "venue": None,
        "themes": ["housing", "urban-planning"],
        "summary": {
            "ar": (
                "استضافت عمّان اجتماع النظراء هذا حول الإسكان الاجتماعي والتخطيط الحضري. "
                "وتحت عنوان «مدن دامجة للمهاجرين»، بحث الاجتماع كيف يمكن لسياسات الإسكان "
                "وتخطيط المدن أن تأخذ الوافدين الجدد بعين الاعتبار."
            ),
            "fr": (
                "Amman a accueilli cette rencontre entre pairs sur le logement social et "
                "l’urbanisme. Placée sous le thème des villes inclusives pour les migrants, "
                "elle a examiné comment les politiques du logement et la planification urbaine "
                "peuvent tenir compte des nouveaux arrivants."
            ),
            "en": (
                "Amman hosted this peer meeting on social housing and urban planning. Under the "
                "heading of inclusive cities for migrants, it looked at how housing policy and "
                "city planning can take newcomers into account."
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — اجتماع النظراء في عمّان، 2017",
            "fr": "Document de référence — Rencontre entre pairs à Amman, 2017",
            "en": "Background document — Peer meeting in Amman, 2017",
        },
        "report_title": {
            "ar": "تقرير الاجتماع — اجتماع النظراء في عمّان، 2017",
            "fr": "Compte rendu — Rencontre entre pairs à Amman, 2017",
            "en": "Meeting report — Peer meeting in Amman, 2017",
        },
    },
    {
        "key": "turin-2017",
        "title": {
            "ar": "اجتماع النظراء في تورينو: المساواة والإدماج الاجتماعي والتربوي للمهاجرين",
            "fr": "Rencontre entre pairs à Turin\u202f: égalité et inclusion socio-éducative des "
            "migrants",
            "en": "Peer meeting in Turin: equality and socio-educational inclusion of migrants",
        },
        "slug": {"ar": "اجتماع-تورينو-2017", "fr": "turin-2017", "en": "turin-2017"},
        "start_date": "2017-07-11",
        "end_date": "2017-07-12",
        "host": "turin",
        "venue": None,
        "themes": ["understanding", "education"],
        "summary": {
            "ar": (
                "استضافت تورينو اجتماع النظراء هذا حول المساواة والإدماج الاجتماعي والتربوي "
                "للمهاجرين. وتناول الكيفية التي يمكن بها للمدارس والتدريب والخدمات الاجتماعية "
                "أن تتيح للمهاجرين فرصاً متكافئة."
            ),
            "fr": (
                "Turin a accueilli cette rencontre entre pairs sur l’égalité et l’inclusion "
                "socio-éducative des migrants. Elle s’est intéressée à la manière dont l’école, "
                "la formation et les services sociaux peuvent offrir aux migrants l’égalité des "
                "chances."
            ),
            "en": (
                "Turin hosted this peer meeting on equality and the socio-educational inclusion "
                "of migrants. It considered how schools, training and social services can give "
                "migrants equal opportunities."
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — اجتماع النظراء في تورينو، 2017",
            "fr": "Document de référence — Rencontre entre pairs à Turin, 2017",
            "en": "Background document — Peer meeting in Turin, 2017",
        },
        "report_title": {
            "ar": "تقرير الاجتماع — اجتماع النظراء في تورينو، 2017",
            "fr": "Compte rendu — Rencontre entre pairs à Turin, 2017",
            "en": "Meeting report — Peer meeting in Turin, 2017",
        },
    },
    {
        "key": "beirut-2017",
        "title": {
            "ar": "المؤتمر الرفيع المستوى في بيروت: النتائج والتوصيات المتعلقة بالسياسات",
            "fr": (
                "Conférence de haut niveau à Beyrouth\u202f: résultats et "
                "recommandations politiques"
            ),
            "en": "High-level conference in Beirut: findings and policy recommendations",
        },
        "slug": {"ar": "مؤتمر-بيروت-2017", "fr": "beyrouth-2017", "en": "beirut-2017"},
        "start_date": "2017-11-07",
        "end_date": "2017-11-08",
        "host": "beirut",
        "venue": None,
        "themes": ["exchange"],
        "summary": {
            "ar": (
                "استضافت بيروت المؤتمر الرفيع المستوى للمشروع، وفيه عُرضت نتائجه وتوصياته "
                "المتعلقة بالسياسات. وقد عُقد المؤتمر خلال المرحلة الأولى من المشروع "
                "(2015–2018)."
            ),
            "fr": (
                "Beyrouth a accueilli la conférence de haut niveau du projet, au cours de "
                "laquelle ont été présentés ses résultats et ses recommandations politiques. "
                "Elle s’est tenue pendant la première phase du projet (2015–2018)."
            ),
            "en": (
                "Beirut hosted the project's high-level conference, at which its findings and "
                "policy recommendations were presented. It took place during the first phase "
                "of the project (2015–2018)."
            ),
        },
        # The sources record only what the conference presented; no agenda is known.
        "outcomes": {
            "ar": (
                "<ul><li>عُرضت توصيات المشروع المتعلقة بالسياسات من أجل حوكمة أفضل للهجرة "
                "على المستوى المحلي.</li><li>عُرضت نتائج المرحلة الأولى من المشروع، "
                "المستمدة من عمل المدن الشريكة.</li></ul>"
            ),
            "fr": (
                "<ul><li>Présentation des recommandations politiques du projet pour une "
                "meilleure gouvernance des migrations au niveau local.</li><li>Présentation "
                "des résultats de la première phase du projet, issus du travail des villes "
                "partenaires.</li></ul>"
            ),
            "en": (
                "<ul><li>The project's policy recommendations for better migration governance "
                "at local level were presented.</li><li>The findings of the project's first "
                "phase, drawn from the partner cities' work, were presented.</li></ul>"
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — المؤتمر الرفيع المستوى في بيروت، 2017",
            "fr": "Document de référence — Conférence de haut niveau à Beyrouth, 2017",
            "en": "Background document — High-level conference in Beirut, 2017",
        },
        "report_title": {
            "ar": "تقرير المؤتمر — المؤتمر الرفيع المستوى في بيروت، 2017",
            "fr": "Compte rendu — Conférence de haut niveau à Beyrouth, 2017",
            "en": "Meeting report — High-level conference in Beirut, 2017",
        },
    },
    {
        "key": "lyon-2017",
        "title": {
            "ar": "اجتماع النظراء في ليون: التنسيق بين مستويات الحكم",
            "fr": "Rencontre entre pairs à Lyon\u202f: coordination entre niveaux de gouvernement",
            "en": "Peer meeting in Lyon: coordination between levels of government",
        },
        "slug": {"ar": "اجتماع-ليون-2017", "fr": "lyon-2017", "en": "lyon-2017"},
        "start_date": "2017-12-12",
        "end_date": "2017-12-13",
        "host": "lyon",
        "venue": None,
        "themes": ["exchange"],
        "summary": {
            "ar": (
                "استضافت ليون اجتماع النظراء هذا حول التنسيق بين مستويات الحكم في حوكمة "
                "الهجرة. وبحث الاجتماع كيف يمكن للسلطات المحلية والوطنية أن تتقاسم "
                "المسؤوليات وأن تعمل معاً."
            ),
            "fr": (
                "Lyon a accueilli cette rencontre entre pairs sur la coordination entre niveaux "
                "de gouvernement dans la gouvernance des migrations. Elle a examiné comment "
                "autorités locales et nationales peuvent se répartir les responsabilités et "
                "travailler ensemble."
            ),
            "en": (
                "Lyon hosted this peer meeting on coordination between levels of government in "
                "migration governance. It looked at how local and national authorities can "
                "share responsibilities and work together."
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — اجتماع النظراء في ليون، 2017",
            "fr": "Document de référence — Rencontre entre pairs à Lyon, 2017",
            "en": "Background document — Peer meeting in Lyon, 2017",
        },
        "report_title": {
            "ar": "تقرير الاجتماع — اجتماع النظراء في ليون، 2017",
            "fr": "Compte rendu — Rencontre entre pairs à Lyon, 2017",
            "en": "Meeting report — Peer meeting in Lyon, 2017",
        },
    },
    {
        "key": "tunis-2018",
        "title": {
            "ar": "اجتماع النظراء في تونس: التواصل بشأن الهجرة، قضية من قضايا الحوكمة المحلية",
            "fr": "Rencontre entre pairs à Tunis\u202f: communiquer sur la migration, un enjeu de "
            "gouvernance locale",
            "en": "Peer meeting in Tunis: communicating on migration, an issue of local governance",
        },
        "slug": {"ar": "اجتماع-تونس-2018", "fr": "tunis-2018", "en": "tunis-2018"},
        "start_date": "2018-09-18",
        "end_date": "2018-09-19",
        "host": "tunis",
        "venue": None,
        "themes": ["exchange", "understanding"],
        "summary": {
            "ar": (
                "استضافت تونس اجتماع النظراء هذا حول التواصل بشأن الهجرة بوصفه قضية من قضايا "
                "الحوكمة المحلية. وتناول الكيفية التي يمكن بها للمدن أن تتحدث عن الهجرة بشكل "
                "متوازن وأن تعزّز التفاهم بين السكان."
            ),
            "fr": (
                "Tunis a accueilli cette rencontre entre pairs sur la communication sur la "
                "migration, enjeu de gouvernance locale. Elle a porté sur la manière dont les "
                "villes peuvent parler de la migration de façon équilibrée et favoriser la "
                "compréhension entre habitants."
            ),
            "en": (
                "Tunis hosted this peer meeting on communicating on migration as an issue of "
                "local governance. It considered how cities can speak about migration in a "
                "balanced way and foster understanding among residents."
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — اجتماع النظراء في تونس، 2018",
            "fr": "Document de référence — Rencontre entre pairs à Tunis, 2018",
            "en": "Background document — Peer meeting in Tunis, 2018",
        },
        "report_title": {
            "ar": "تقرير الاجتماع — اجتماع النظراء في تونس، 2018",
            "fr": "Compte rendu — Rencontre entre pairs à Tunis, 2018",
            "en": "Meeting report — Peer meeting in Tunis, 2018",
        },
    },
    {
        "key": "sfax-2019",
        "title": {
            "ar": "اجتماع النظراء في صفاقس: التعاون مع المجتمع المدني",
            "fr": "Rencontre entre pairs à Sfax\u202f: coopération avec la société civile",
            "en": "Peer meeting in Sfax: cooperation with civil society",
        },
        "slug": {"ar": "اجتماع-صفاقس-2019", "fr": "sfax-2019", "en": "sfax-2019"},
        "start_date": "2019-06-25",
        "end_date": "2019-06-26",
        "host": "sfax",
        "venue": None,
        "themes": ["exchange"],
        "summary": {
            "ar": (
                "استضافت صفاقس، التي انضمت إلى الشبكة في العام 2018، اجتماع النظراء هذا حول "
                "التعاون مع المجتمع المدني. وبحث الاجتماع كيف يمكن لإدارات المدن ومنظمات "
                "المجتمع المدني أن تعمل معاً في مجال الهجرة."
            ),
            "fr": (
                "Sfax, membre du réseau depuis 2018, a accueilli cette rencontre entre pairs sur "
                "la coopération avec la société civile. Elle a examiné comment administrations "
                "municipales et organisations de la société civile peuvent travailler ensemble "
                "sur la migration."
            ),
            "en": (
                "Sfax, which joined the network in 2018, hosted this peer meeting on cooperation "
                "with civil society. It looked at how city administrations and civil society "
                "organisations can work together on migration."
            ),
        },
        "background_title": {
            "ar": "الوثيقة المرجعية — اجتماع النظراء في صفاقس، 2019",
            "fr": "Document de référence — Rencontre entre pairs à Sfax, 2019",
            "en": "Background document — Peer meeting in Sfax, 2019",
        },
        "report_title": {
            "ar": "تقرير الاجتماع — اجتماع النظراء في صفاقس، 2019",
            "fr": "Compte rendu — Rencontre entre pairs à Sfax, 2019",
            "en": "Meeting report — Peer meeting in Sfax, 2019",
        },
    },
]

# --- Knowledge ------------------------------------------------------------------------------

KNOWLEDGE = {
    "title": {"ar": "المعرفة", "fr": "Connaissances", "en": "Knowledge"},
    "slug": {"ar": "المعرفة", "fr": "connaissances", "en": "knowledge"},
    "intro": {
        "ar": (
            "تجمع المعرفة ما تعلّمه المشروع عن الهجرة في كل مدينة: ملفات الهجرة التي يعدّها "
            "الخبراء، ووثائق الأولويات التي تحدّد فيها كل مدينة مجالات الأولوية الخاصة بها."
        ),
        "fr": (
            "Les connaissances rassemblent ce que le projet a appris sur la migration dans "
            "chaque ville\u202f: les profils migratoires établis par des experts et les "
            "documents de priorités dans lesquels chaque ville définit ses propres priorités."
        ),
        "en": (
            "Knowledge gathers what the project learned about migration in each city: "
            "migration profiles drawn up by experts, and priority documents in which each city "
            "names its own priority areas."
        ),
    },
}

PROFILE_INDEX = {
    "title": {
        "ar": "ملفّات الهجرة الخاصة بالمدن",
        "fr": "Profils migratoires des villes",
        "en": "City migration profiles",
    },
    "slug": {"ar": "ملفات-الهجرة", "fr": "profils-migratoires", "en": "migration-profiles"},
    "intro": {
        "ar": "يحلّل فريق من الخبراء وضع الهجرة في المدن كافة.",
        "fr": "Une équipe d’experts analyse la situation migratoire de toutes les villes.",
        "en": "A team of experts analyses the migration situation in all the cities.",
    },
    "key_points": {
        "ar": "خبرات محلية\nبحث\nتقصّي الحقائق\nتحليل",
        "fr": "Expertise locale\nRecherche\nÉtablissement des faits\nAnalyse",
        "en": "Local expertise\nResearch\nFact-finding\nAnalysis",
    },
}

PROFILE = {
    "title": {
        "ar": "ملف الهجرة الخاص بمدينة {city}",
        "fr": "Profil migratoire de la ville\u202f: {city}",
        "en": "City migration profile: {city}",
    },
    "slug": {
        "ar": "ملف-الهجرة-{city_slug}",
        "fr": "profil-migratoire-{city_slug}",
        "en": "migration-profile-{city_slug}",
    },
    "summary": {
        "ar": (
            "يعرض ملف الهجرة الخاص بمدينة {city} خلفية الملف ولمحة عن المدينة مع ملاحظات حول "
            "البيانات؛ والسياق الوطني (أنماط الهجرة والسياسات والمؤسسات والتعاون)؛ والسكان "
            "المهاجرين (الوضع القانوني والأصول والجنس والعمر والتعليم وقطاعات العمل)؛ "
            "والسياسات المحلية والوصول إلى الحقوق والخدمات؛ وأولويات المدينة."
        ),
        "fr": (
            "Le profil migratoire de la ville ({city}) présente le contexte de l’étude et une "
            "synthèse sur la ville avec des notes sur les données\u202f; le contexte national "
            "(flux migratoires, politiques, institutions, coopération)\u202f; la population "
            "migrante (statut juridique, origines, sexe, âge, éducation, secteurs d’emploi)\u202f; "
            "les politiques locales et l’accès aux droits et aux services\u202f; et les "
            "priorités de la ville."
        ),
        "en": (
            "The migration profile of {city} covers the background and a city synopsis with "
            "notes on the data; the national context (migration patterns, policy, institutions "
            "and cooperation); the migrant population (legal status, origins, gender, age, "
            "education and sectors of work); local policies and access to rights and services; "
            "and the city's priorities."
        ),
    },
    "publication_title": {
        "ar": "ملف الهجرة الخاص بمدينة {city} – مشروع MC2CM",
        "fr": "Profil migratoire de la ville MC2CM – {city}",
        "en": "MC2CM City Migration Profile – {city}",
    },
}

PRIORITY_INDEX = {
    "title": {
        "ar": "وثائق أولويات المدن",
        "fr": "Documents de priorités des villes",
        "en": "City priority documents",
    },
    "slug": {
        "ar": "وثائق-الأولويات",
        "fr": "documents-de-priorites",
        "en": "priority-documents",
    },
    "intro": {
        "ar": (
            "تحدّد كلّ مدينة مجالات الأولوية الخاصة بها لإدارة الهجرة بشكل أفضل على مستوى المدينة."
        ),
        "fr": (
            "Chaque ville définit ses propres domaines prioritaires pour mieux gérer la "
            "migration à l’échelle de la ville."
        ),
        "en": (
            "Each city identifies its own priority areas for managing migration better at city "
            "level."
        ),
    },
    "key_points": {
        "ar": "حوكمة الهجرة\nالملكية\nمقاربة شاملة\nقيادة",
        "fr": "Gouvernance des migrations\nAppropriation\nApproche globale\nLeadership",
        "en": "Migration governance\nOwnership\nComprehensive approach\nLeadership",
    },
}

PRIORITY = {
    "title": {
        "ar": "وثيقة أولويات مدينة {city}",
        "fr": "Document de priorités\u202f: {city}",
        "en": "Priority document: {city}",
    },
    "slug": {
        "ar": "وثيقة-أولويات-{city_slug}",
        "fr": "document-de-priorites-{city_slug}",
        "en": "priority-document-{city_slug}",
    },
    "summary": {
        "ar": (
            "أُعدّت وثيقة أولويات مدينة {city} بالتعاون مع مجموعة محلية من أصحاب المصلحة، وهي "
            "تقترح تدابير لدمج المهاجرين وتحسين وصولهم إلى الحقوق والخدمات."
        ),
        "fr": (
            "Rédigé avec un groupe local d’acteurs, ce document de priorités propose, pour "
            "{city}, des mesures en faveur de l’inclusion des migrants et de leur accès aux "
            "droits et aux services."
        ),
        "en": (
            "Drafted with a local group of stakeholders, this priority paper sets out measures "
            "for {city} to include migrants and improve their access to rights and services."
        ),
    },
    "priority_areas": {
        "ar": "حوكمة الهجرة\nالملكية\nمقاربة شاملة\nقيادة",
        "fr": "Gouvernance des migrations\nAppropriation\nApproche globale\nLeadership",
        "en": "Migration governance\nOwnership\nComprehensive approach\nLeadership",
    },
    "publication_title": {
        "ar": "وثيقة أولويات مدينة {city} – مشروع MC2CM",
        "fr": "Document de priorités de la ville MC2CM – {city}",
        "en": "MC2CM City Priority Paper – {city}",
    },
}

# --- Action ---------------------------------------------------------------------------------

ACTION = {
    "title": {"ar": "العمل", "fr": "Action", "en": "Action"},
    "slug": {"ar": "العمل", "fr": "action", "en": "action"},
    "intro": {
        "ar": (
            "يحوّل العمل المعرفة إلى ممارسة: مشاريع نموذجية في مدن جنوب المتوسط، وعدّة عمل "
            "ترشد المدن إلى دمج الهجرة في تخطيطها."
        ),
        "fr": (
            "L’action met les connaissances en pratique\u202f: des projets pilotes dans les "
            "villes du Sud de la Méditerranée et des boîtes à outils qui guident les villes "
            "pour intégrer la migration dans leur planification."
        ),
        "en": (
            "Action puts knowledge into practice: pilot projects in South-Mediterranean cities, "
            "and toolkits that guide cities in integrating migration into their planning."
        ),
    },
}

PILOT_INDEX = {
    "title": {"ar": "مشاريع نموذجية", "fr": "Projets pilotes", "en": "Pilot projects"},
    "slug": {"ar": "مشاريع-نموذجية", "fr": "projets-pilotes", "en": "pilot-projects"},
    "intro": {
        "ar": (
            "تعالج مدن جنوب المتوسط الشريكة، من خلال مشاريع نموذجية، أولويتها الأبرز في "
            "المجال الذي تختاره."
        ),
        "fr": (
            "Les villes partenaires du Sud de la Méditerranée traitent, au moyen de projets "
            "pilotes, leur priorité principale dans le domaine de leur choix."
        ),
        "en": (
            "The partner cities of the South Mediterranean tackle their top priority, in the "
            "area of their choice, through pilot projects."
        ),
    },
    "key_points": {
        "ar": "فريق خبراء\nاختبار عملي\nبناء القدرات",
        "fr": "Équipe d’experts\nExpérimentation pratique\nRenforcement des capacités",
        "en": "Expert team\nPractical testing\nCapacity building",
    },
}

PILOT_PROJECTS = [
    {
        "key": "tangeraccueil",
        "city": "tangier",
        "title": {
            "ar": "مشروع «طنجة تستقبل» (TangerAccueil): إعلام المهاجرين وتوجيههم",
            "fr": "TangerAccueil\u202f: information et orientation des migrants",
            "en": "TangerAccueil: information and orientation for migrants",
        },
        "slug": {"ar": "طنجة-تستقبل", "fr": "tangeraccueil", "en": "tangeraccueil"},
        "start_year": 2020,
        "end_year": 2022,
        "status": "completed",
        "partners": {
            "ar": "ميدسيتيز (MedCities)\nبرشلونة (مدينة نظيرة)",
            "fr": "MedCities\nBarcelone (ville pair)",
            "en": "MedCities\nBarcelona (peer city)",
        },
        "summary": {
            "ar": (
                "أنشأ مشروع «طنجة تستقبل» شبّاكاً موحّداً لإعلام المهاجرين وتوجيههم في طنجة، "
                "إلى جانب مجلس مدينة للهجرة وأنشطة تدريبية. ونُفّذ المشروع مع ميدسيتيز، "
                "وبرشلونة مدينةً نظيرة."
            ),
            "fr": (
                "TangerAccueil a mis en place à Tanger un guichet unique d’information et "
                "d’orientation pour les migrants, ainsi qu’un conseil municipal de l’immigration "
                "et des formations. Le projet a été mené avec MedCities, Barcelone étant ville "
                "pair."
            ),
            "en": (
                "TangerAccueil set up a one-stop information and orientation desk for migrants "
                "in Tangier, together with a city immigration council and training. It was "
                "carried out with MedCities, with Barcelona as peer city."
            ),
        },
        "aims": {
            "ar": (
                "<ul><li>فتح شبّاك موحّد لإعلام المهاجرين وتوجيههم.</li>"
                "<li>إنشاء مجلس مدينة للهجرة.</li>"
                "<li>تنظيم أنشطة تدريبية.</li></ul>"
            ),
            "fr": (
                "<ul><li>Ouvrir un guichet unique d’information et d’orientation pour les "
                "migrants.</li>"
                "<li>Créer un conseil municipal de l’immigration.</li>"
                "<li>Organiser des formations.</li></ul>"
            ),
            "en": (
                "<ul><li>Open a one-stop information and orientation desk for migrants.</li>"
                "<li>Create a city immigration council.</li>"
                "<li>Provide training.</li></ul>"
            ),
        },
        "results": {
            "ar": "<p>وصل المشروع إلى نحو 300 شخص.</p>",
            "fr": "<p>Le projet a touché environ 300 personnes.</p>",
            "en": "<p>The project reached about 300 people.</p>",
        },
        "themes": ["exchange", "understanding"],
    },
    {
        "key": "municipal-social-cell",
        "city": "beirut",
        "title": {
            "ar": "الخلية الاجتماعية البلدية في صبرا وطمليس",
            "fr": "Cellule sociale municipale à Sabra et Hay Tamlis",
            "en": "Municipal Social Cell in Sabra and Hay Tamlis",
        },
        "slug": {
            "ar": "الخلية-الاجتماعية-البلدية",
            "fr": "cellule-sociale-municipale",
            "en": "municipal-social-cell",
        },
        "start_year": 2021,
        "end_year": 2022,
        "status": "completed",
        "partners": {
            "ar": "موئل الأمم المتحدة",
            "fr": "ONU-Habitat",
            "en": "UN-Habitat",
        },
        "summary": {
            "ar": (
                "نشرت الخلية الاجتماعية البلدية في بيروت محرّكين مجتمعيين وعاملين اجتماعيين "
                "في حيّي صبرا وطمليس. ونُفّذ المشروع بالتعاون مع موئل الأمم المتحدة."
            ),
            "fr": (
                "La Cellule sociale municipale de Beyrouth a déployé des médiateurs "
                "communautaires et des travailleurs sociaux dans les quartiers de Sabra et Hay "
                "Tamlis. Le projet a été mené avec ONU-Habitat."
            ),
            "en": (
                "Beirut's Municipal Social Cell deployed community mobilisers and social "
                "workers in the Sabra and Hay Tamlis neighbourhoods. It was carried out with "
                "UN-Habitat."
            ),
        },
        "aims": {
            "ar": (
                "<p>تزويد حيّي صبرا وطمليس بمحرّكين مجتمعيين وعاملين اجتماعيين يعملون ضمن خلية "
                "اجتماعية تابعة للبلدية.</p>"
            ),
            "fr": (
                "<p>Doter les quartiers de Sabra et Hay Tamlis de médiateurs communautaires et "
                "de travailleurs sociaux, réunis au sein d’une cellule sociale "
                "municipale.</p>"
            ),
            "en": (
                "<p>To provide the Sabra and Hay Tamlis neighbourhoods with community "
                "mobilisers and social workers, working within a municipal social cell.</p>"
            ),
        },
        "results": {"ar": "", "fr": "", "en": ""},
        "themes": ["understanding", "peaceful-practices"],
    },
    {
        "key": "acmals",
        "city": "sfax",
        "title": {
            "ar": "مشروع ACMALS: تنسيق الجهات المحلية الفاعلة في مجال الهجرة",
            "fr": "ACMALS\u202f: coordination des acteurs locaux de la migration",
            "en": "ACMALS: coordinating local actors on migration",
        },
        "slug": {"ar": "تنسيق-الفاعلين-المحليين", "fr": "acmals", "en": "acmals"},
        "start_year": 2019,
        "end_year": 2021,
        "status": "completed",
        "partners": {"ar": "", "fr": "", "en": ""},
        "summary": {
            "ar": (
                "سعى مشروع ACMALS إلى تحسين التنسيق بين الجهات المحلية الفاعلة في مجال الهجرة "
                "في صفاقس. وامتد من 2019 إلى 2021، بعد انضمام المدينة إلى الشبكة في العام 2018."
            ),
            "fr": (
                "ACMALS visait une meilleure coordination des acteurs locaux qui travaillent sur "
                "la migration à Sfax. Il s’est déroulé de 2019 à 2021, après l’entrée de la "
                "ville dans le réseau en 2018."
            ),
            "en": (
                "ACMALS aimed at better coordination of the local actors working on migration "
                "in Sfax. It ran from 2019 to 2021, after the city joined the network in 2018."
            ),
        },
        "aims": {
            "ar": "<p>تحسين التنسيق بين الجهات المحلية الفاعلة في مجال الهجرة في صفاقس.</p>",
            "fr": (
                "<p>Améliorer la coordination entre les acteurs locaux qui travaillent sur la "
                "migration à Sfax.</p>"
            ),
            "en": "<p>To improve coordination between the local actors working on migration in "
            "Sfax.</p>",
        },
        "results": {"ar": "", "fr": "", "en": ""},
        "themes": ["exchange"],
    },
]

TOOLKIT_INDEX = {
    "title": {
        "ar": "عدّة العمل الخاصة بالمدن",
        "fr": "Boîtes à outils pour les villes",
        "en": "City toolkits",
    },
    "slug": {"ar": "عدة-العمل", "fr": "boites-a-outils", "en": "toolkits"},
    "intro": {
        "ar": (
            "توفّر هذه الأدوات العملية توجيهات، خطوة بخطوة، بشأن دمج الهجرة ضمن عملية التخطيط "
            "على مستوى المدينة."
        ),
        "fr": (
            "Ces outils pratiques guident pas à pas l’intégration de la migration dans la "
            "planification à l’échelle de la ville."
        ),
        "en": (
            "These practical tools give step-by-step guidance on integrating migration into "
            "city-level planning."
        ),
    },
    "key_points": {
        "ar": "استراتيجيات\nخيارات سياسية\nإرشادات خطوة بخطوة\nأدوات عملية",
        "fr": "Stratégies\nOptions politiques\nGuides pas à pas\nOutils pratiques",
        "en": "Strategies\nPolicy options\nStep-by-step guides\nPractical tools",
    },
}

# No real toolkit is known by title: both toolkits are labelled as examples.
TOOLKITS = [
    {
        "key": "example-city-planning",
        "title": {
            "ar": "مثال على عدّة عمل: دمج الهجرة في التخطيط على مستوى المدينة",
            "fr": (
                "Exemple de boîte à outils\u202f: intégrer la migration dans "
                "la planification urbaine"
            ),
            "en": "Example toolkit: integrating migration into city planning",
        },
        "slug": {
            "ar": "مثال-دمج-الهجرة-في-التخطيط",
            "fr": "exemple-integrer-la-migration-dans-la-planification",
            "en": "example-integrating-migration-into-city-planning",
        },
        "audience": {
            "ar": "المخطّطون الحضريون ومسؤولو إدارات المدن",
            "fr": "Urbanistes et responsables des administrations municipales",
            "en": "City planners and officials of city administrations",
        },
        "summary": {
            "ar": (
                "يبيّن هذا المثال، خطوة بخطوة، كيف يمكن لمدينة أن تأخذ الهجرة بعين الاعتبار في "
                "خططها، بدءاً من معرفة الوضع المحلي وصولاً إلى متابعة التدابير المتخذة."
            ),
            "fr": (
                "Cet exemple montre, pas à pas, comment une ville peut prendre en compte la "
                "migration dans ses plans, de la connaissance de la situation locale au suivi "
                "des mesures prises."
            ),
            "en": (
                "This example shows, step by step, how a city can take migration into account "
                "in its plans, from knowing the local situation to following up the measures "
                "taken."
            ),
        },
        "themes": ["urban-planning", "housing"],
        "cities": [],
        "steps": [
            {
                "title": {
                    "ar": "معرفة الوضع المحلي",
                    "fr": "Connaître la situation locale",
                    "en": "Know the local situation",
                },
                "text": {
                    "ar": (
                        "<p>اجمعوا البيانات المتاحة حول الهجرة في المدينة، واستندوا إلى الخبرات "
                        "والأبحاث المحلية، كما في ملف الهجرة الخاص بالمدينة.</p>"
                    ),
                    "fr": (
                        "<p>Rassemblez les données disponibles sur la migration dans la ville "
                        "et appuyez-vous sur l’expertise et la recherche locales, par exemple "
                        "dans un profil migratoire de la ville.</p>"
                    ),
                    "en": (
                        "<p>Gather the available data on migration in the city and draw on "
                        "local expertise and research, for example in a city migration "
                        "profile.</p>"
                    ),
                },
            },
            {
                "title": {
                    "ar": "جمع أصحاب المصلحة",
                    "fr": "Réunir les acteurs concernés",
                    "en": "Bring stakeholders together",
                },
                "text": {
                    "ar": (
                        "<p>شكّلوا مجموعة محلية تضم دوائر المدينة والسلطات الوطنية والمجتمع "
                        "المدني والمجتمع الأكاديمي والقطاع الخاص، ليتقاسم جميع المعنيين "
                        "العمل.</p>"
                    ),
                    "fr": (
                        "<p>Constituez un groupe local réunissant les services de la ville, "
                        "les autorités nationales, la société civile, le monde académique et "
                        "le secteur privé, afin que tous les acteurs concernés partagent le "
                        "travail.</p>"
                    ),
                    "en": (
                        "<p>Set up a local group with city departments, national authorities, "
                        "civil society, academia and the private sector, so that everyone "
                        "concerned shares the work.</p>"
                    ),
                },
            },
            {
                "title": {
                    "ar": "تحديد مجالات الأولوية",
                    "fr": "Choisir les domaines prioritaires",
                    "en": "Choose priority areas",
                },
                "text": {
                    "ar": (
                        "<p>اتفقوا على عدد محدود من مجالات الأولوية، مع قيادة واضحة وتملّك من "
                        "المدينة، ودوّنوها في وثيقة أولويات.</p>"
                    ),
                    "fr": (
                        "<p>Mettez-vous d’accord sur quelques domaines prioritaires, avec un "
                        "leadership clair et une appropriation par la ville, et consignez-les "
                        "dans un document de priorités.</p>"
                    ),
                    "en": (
                        "<p>Agree on a few priority areas, with clear leadership and ownership "
                        "by the city, and set them down in a priority document.</p>"
                    ),
                },
            },
            {
                "title": {
                    "ar": "دمج الهجرة في خطط المدينة",
                    "fr": "Intégrer la migration dans les plans de la ville",
                    "en": "Integrate migration into city plans",
                },
                "text": {
                    "ar": (
                        "<p>خذوا المهاجرين بعين الاعتبار في خطط الإسكان والخدمات والأماكن "
                        "العامة والأحياء، وخصّصوا الموارد اللازمة لتنفيذها.</p>"
                    ),
                    "fr": (
                        "<p>Tenez compte des migrants dans les plans de logement, de services, "
                        "d’espaces publics et de quartiers, et prévoyez les moyens de les "
                        "mettre en œuvre.</p>"
                    ),
                    "en": (
                        "<p>Take migrants into account in the plans for housing, services, "
                        "public spaces and neighbourhoods, and set aside the means to carry "
                        "them out.</p>"
                    ),
                },
            },
            {
                "title": {
                    "ar": "المتابعة وتبادل الخبرات",
                    "fr": "Suivre et partager",
                    "en": "Follow up and share",
                },
                "text": {
                    "ar": (
                        "<p>تحقّقوا بانتظام مما تغيّر، وعدّلوا التدابير، وتبادلوا الدروس "
                        "المستفادة مع المدن النظيرة.</p>"
                    ),
                    "fr": (
                        "<p>Vérifiez régulièrement ce qui a changé, ajustez les mesures et "
                        "partagez les enseignements avec les villes pairs.</p>"
                    ),
                    "en": (
                        "<p>Check regularly what has changed, adjust the measures, and share "
                        "the lessons learned with peer cities.</p>"
                    ),
                },
            },
        ],
        "publication_title": {
            "ar": "مثال على عدّة عمل – دمج الهجرة في التخطيط على مستوى المدينة",
            "fr": "Exemple de boîte à outils – Intégrer la migration dans la planification urbaine",
            "en": "Example toolkit – Integrating migration into city planning",
        },
    },
    {
        "key": "example-access-to-services",
        # Shows the partners-only downloads: visitors see a "sign in" link instead.
        "partners_only": True,
        "title": {
            "ar": "مثال على عدّة عمل: وصول المهاجرين إلى الحقوق والخدمات",
            "fr": (
                "Exemple de boîte à outils\u202f: l’accès des migrants aux droits et aux services"
            ),
            "en": "Example toolkit: migrants' access to rights and services",
        },
        "slug": {
            "ar": "مثال-الوصول-إلى-الحقوق-والخدمات",
            "fr": "exemple-acces-aux-droits-et-aux-services",
            "en": "example-access-to-rights-and-services",
        },
        "audience": {
            "ar": "الخدمات البلدية ومنظمات المجتمع المدني",
            "fr": "Services municipaux et organisations de la société civile",
            "en": "City services and civil society organisations",
        },
        "summary": {
            "ar": (
                "يساعد هذا المثال المدينة على تحديد ما يعيق وصول المهاجرين إلى خدماتها وعلى "
                "إزالة هذه العوائق بالتعاون مع المجتمع المدني."
            ),
            "fr": (
                "Cet exemple aide une ville à repérer ce qui empêche les migrants d’accéder à "
                "ses services et à lever ces obstacles avec la société civile."
            ),
            "en": (
                "This example helps a city find out what keeps migrants from using its services "
                "and remove these barriers together with civil society."
            ),
        },
        "themes": ["health-care", "education"],
        "cities": [],
        "steps": [
            {
                "title": {
                    "ar": "رصد الخدمات والعوائق",
                    "fr": "Recenser les services et les obstacles",
                    "en": "Map services and barriers",
                },
                "text": {
                    "ar": (
                        "<p>ضعوا قائمة بخدمات المدينة، كالرعاية الصحية والتعليم ودعم التشغيل، "
                        "وحدّدوا ما يصعّب وصول المهاجرين إليها: اللغة أو الوثائق أو الكلفة أو "
                        "نقص المعلومات.</p>"
                    ),
                    "fr": (
                        "<p>Dressez la liste des services de la ville, comme la santé, "
                        "l’éducation ou l’aide à l’emploi, et notez ce qui en complique l’accès "
                        "pour les migrants\u202f: langue, papiers, coût ou manque "
                        "d’information.</p>"
                    ),
                    "en": (
                        "<p>List the city's services, such as health care, education and "
                        "employment support, and note what makes them hard for migrants to "
                        "reach: language, documents, cost or lack of information.</p>"
                    ),
                },
            },
            {
                "title": {
                    "ar": "الإعلام والتوجيه",
                    "fr": "Informer et orienter",
                    "en": "Inform and guide",
                },
                "text": {
                    "ar": (
                        "<p>قدّموا معلومات واضحة باللغات الأكثر استخداماً، ووفّروا مكاناً واحداً "
                        "يُوجَّه منه المهاجرون إلى الخدمة المناسبة.</p>"
                    ),
                    "fr": (
                        "<p>Donnez une information claire dans les principales langues "
                        "parlées et proposez un lieu unique d’où les migrants sont orientés "
                        "vers le bon service.</p>"
                    ),
                    "en": (
                        "<p>Give clear information in the main languages spoken, and offer a "
                        "single place from which migrants are guided to the right service.</p>"
                    ),
                },
            },
            {
                "title": {
                    "ar": "تدريب الموظفين",
                    "fr": "Former le personnel",
                    "en": "Train staff",
                },
                "text": {
                    "ar": (
                        "<p>درّبوا موظفي الخطوط الأمامية على حقوق المهاجرين وعلى استقبال "
                        "الأشخاص من جميع الخلفيات.</p>"
                    ),
                    "fr": (
                        "<p>Formez le personnel d’accueil aux droits des migrants et à "
                        "l’accueil de personnes de tous horizons.</p>"
                    ),
                    "en": (
                        "<p>Train front-line staff on migrants' rights and on welcoming people "
                        "of all backgrounds.</p>"
                    ),
                },
            },
            {
                "title": {
                    "ar": "العمل مع المجتمع المدني",
                    "fr": "Travailler avec la société civile",
                    "en": "Work with civil society",
                },
                "text": {
                    "ar": (
                        "<p>اتفقوا مع الجمعيات والمجموعات المجتمعية على توزيع الأدوار، ونظّموا "
                        "إحالة الأشخاص بين الخدمات.</p>"
                    ),
                    "fr": (
                        "<p>Convenez avec les associations et les groupes communautaires de qui "
                        "fait quoi, et organisez l’orientation des personnes d’un service à "
                        "l’autre.</p>"
                    ),
                    "en": (
                        "<p>Agree with associations and community groups on who does what, and "
                        "organise referrals between services.</p>"
                    ),
                },
            },
            {
                "title": {
                    "ar": "القياس والتحسين",
                    "fr": "Mesurer et améliorer",
                    "en": "Measure and improve",
                },
                "text": {
                    "ar": (
                        "<p>سجّلوا من يستخدم الخدمات، واستطلعوا آراء المستخدمين، وعدّلوا "
                        "التدابير بناءً على ذلك.</p>"
                    ),
                    "fr": (
                        "<p>Relevez qui utilise les services, recueillez l’avis des usagers et "
                        "ajustez les mesures en conséquence.</p>"
                    ),
                    "en": (
                        "<p>Record who uses the services, ask users for their views, and adjust "
                        "the measures accordingly.</p>"
                    ),
                },
            },
        ],
        "publication_title": {
            "ar": "مثال على عدّة عمل – وصول المهاجرين إلى الحقوق والخدمات",
            "fr": "Exemple de boîte à outils – L’accès des migrants aux droits et aux services",
            "en": "Example toolkit – Migrants' access to rights and services",
        },
    },
]
