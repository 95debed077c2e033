# -*- coding: utf-8 -*-
"""Word lists the generator draws names from.

Written for the demo: a shop with customers in several countries, so that
names, streets and cities hold accents, umlauts, ñ, and CJK characters, the
text a sync to the ERP must carry unchanged. The first entry of each list
is non-ASCII on purpose: even the smallest generated store has some.
"""

# Each locale: its country (ISO alpha-2), how likely a customer is to live
# there, people's names, streets and (city, postal code, state) triples.
# ``street`` is a format with {number} and {street}.
LOCALES = [
    {
        "country": "BE", "weight": 4, "phone": u"+32 2 {a:03d} {b:02d} {c:02d}",
        "first": [u"Hélène", u"François", u"Anaïs", u"Jérôme", u"Lotte", u"Pieter", u"Zoë",
                  u"Maëlle", u"Wouter", u"Céline"],
        "last": [u"Lefèvre", u"Dupré", u"Van den Broeck", u"Peeters", u"Desmet", u"Wouters",
                 u"Maës", u"Janssens", u"Ngô", u"Vandenbergh"],
        "streets": [u"Rue de l'Église", u"Chaussée de Waterloo", u"Grote Markt",
                    u"Rue Pétillon", u"Kerkstraat", u"Avenue Louise"],
        "street": u"{street} {number}",
        "cities": [(u"Liège", u"4000", u""), (u"Bruxelles", u"1000", u""),
                   (u"Gent", u"9000", u""), (u"Namur", u"5000", u""),
                   (u"Leuven", u"3000", u"")],
    },
    {
        "country": "FR", "weight": 3, "phone": u"+33 1 {a:02d} {b:02d} {c:02d} 42",
        "first": [u"Gérard", u"Élodie", u"Benoît", u"Noémie", u"Aurélien", u"Camille"],
        "last": [u"Lefèbvre", u"Bérénger", u"Moreau", u"Castañeda", u"Girard", u"Lemaître"],
        "streets": [u"Rue du Faubourg Saint-Honoré", u"Boulevard Haussmann", u"Place Bellecour",
                    u"Allée des Châtaigniers"],
        "street": u"{number} {street}",
        "cities": [(u"Besançon", u"25000", u""), (u"Paris", u"75008", u""),
                   (u"Lyon", u"69002", u""), (u"Orléans", u"45000", u"")],
    },
    {
        "country": "DE", "weight": 3, "phone": u"+49 89 {a:03d}{b:02d}{c:02d}",
        "first": [u"Jürgen", u"Käthe", u"Björn", u"Sören", u"Lena", u"Matthias"],
        "last": [u"Müller", u"Schröder", u"Weiß", u"Groß", u"Köhler", u"Bauer"],
        "streets": [u"Königstraße", u"Hauptstraße", u"Schloßallee", u"Mühlenweg"],
        "street": u"{street} {number}",
        "cities": [(u"München", u"80331", u""), (u"Köln", u"50667", u""),
                   (u"Düsseldorf", u"40213", u""), (u"Lübeck", u"23552", u"")],
    },
    {
        "country": "ES", "weight": 2, "phone": u"+34 91 {a:03d} {b:02d} {c:02d}",
        "first": [u"José", u"María", u"Íñigo", u"Begoña", u"Martín", u"Lucía"],
        "last": [u"Muñoz", u"Peña", u"Ibáñez", u"Núñez", u"García", u"Gómez"],
        "streets": [u"Calle de Alcalá", u"Avenida de la Constitución", u"Calle Señorío"],
        "street": u"{street}, {number}",
        "cities": [(u"A Coruña", u"15001", u""), (u"Logroño", u"26001", u""),
                   (u"Málaga", u"29001", u"")],
    },
    {
        "country": "JP", "weight": 2, "phone": u"+81 3-{a:04d}-{b:02d}{c:02d}",
        "first": [u"太郎", u"花子", u"健一", u"さくら", u"翔", u"美咲"],
        "last": [u"山田", u"佐藤", u"鈴木", u"高橋", u"田中", u"渡辺"],
        "streets": [u"銀座", u"神南", u"中之島", u"栄"],
        "street": u"{street} {number}丁目",
        "cities": [(u"東京都中央区", u"104-0061", u""), (u"大阪市北区", u"530-0005", u""),
                   (u"名古屋市中区", u"460-0008", u"")],
    },
    {
        "country": "CN", "weight": 1, "phone": u"+86 10 {a:04d} {b:02d}{c:02d}",
        "first": [u"芳", u"伟", u"娜", u"强", u"静"],
        "last": [u"王", u"李", u"张", u"刘", u"陈"],
        "streets": [u"长安街", u"南京路", u"淮海中路"],
        "street": u"{street}{number}号",
        "cities": [(u"北京", u"100000", u""), (u"上海", u"200000", u"")],
    },
    {
        "country": "CA", "weight": 1, "phone": u"+1 514-{a:03d}-{b:02d}{c:02d}",
        "first": [u"Geneviève", u"Stéphane", u"Frédérique", u"Olivier"],
        "last": [u"Côté", u"Gagné", u"Bélanger", u"Lévesque"],
        "streets": [u"Rue Saint-Denis", u"Boulevard René-Lévesque", u"Chemin Sainte-Foy"],
        "street": u"{number} {street}",
        "cities": [(u"Montréal", u"H2X 1Y4", u"QC"), (u"Québec", u"G1R 4P5", u"QC")],
    },
    {
        "country": "US", "weight": 4, "phone": u"{a:03d}-555-{b:02d}{c:02d}",
        "first": [u"Chloé", u"James", u"Mary", u"Robert", u"Linda", u"Michael", u"Sofía"],
        "last": [u"O'Brien", u"Smith", u"Johnson", u"Williams", u"Brown", u"Nguyễn", u"Jones"],
        "streets": [u"Pike Street", u"Main Street", u"Elm Avenue", u"Peachtree Road"],
        "street": u"{number} {street}",
        "cities": [(u"Nashville", u"37201", u"TN"), (u"Brooklyn", u"11201", u"NY"),
                   (u"San José", u"95113", u"CA"), (u"Austin", u"78701", u"TX"),
                   (u"Seattle", u"98101", u"WA"), (u"Portland", u"97201", u"OR"),
                   (u"Denver", u"80202", u"CO")],
    },
]

TITLES = [u"", u"", u"", u"Dr.", u"Mme", u"Herr", u"Ms.", u"Mr."]

ADDRESS_KINDS = [u"Domicile", u"Bureau", u"Lieferadresse", u"Work", u"Chalet"]

ORGANIZATIONS = [
    u"Brasserie Dupré SPRL", u"Müller & Söhne GmbH", u"株式会社さくら商事", u"Café Señor Martínez",
    u"Librairie Ô Mots", u"Nordic Smörgås AB", u"Öko-Markt e.V.", u"Ville de Liège",
    u"Atelier Hélène", u"Acme Corporation", u"上海茶叶有限公司", u"Crêperie Bretonne SARL",
]

# Category names: roots first, children drawn from the rest.
CATEGORY_ROOTS = [u"Épicerie fine", u"Librairie & Bücher", u"Vêtements", u"文具 Papeterie",
                  u"Maison & Déco", u"Électronique", u"Jouets & Spiele"]
CATEGORY_CHILDREN = [u"Thés & 茶", u"Café torréfié", u"Chocolats belges", u"Romans policiers",
                     u"Science-fiction", u"Kinderbücher", u"Pulls & Strickwaren", u"Écharpes",
                     u"Cahiers", u"Stylos plume", u"Vaisselle", u"Luminaires", u"Câbles",
                     u"Écouteurs", u"Puzzles", u"Jeux de société", u"Confitures", u"Épices du monde",
                     u"Bandes dessinées", u"Manga 漫画", u"Chaussettes", u"Bougies parfumées"]

PRODUCT_ADJECTIVES = [u"Crème", u"Rétro", u"Bio", u"Königs", u"和風", u"Naïve", u"Deluxe", u"Piña",
                      u"Smörgås", u"Classic", u"Éco", u"Grand Cru", u"Mini", u"Édition limitée"]
PRODUCT_NOUNS = [u"Tasse à café", u"Kaffeemühle", u"Carnet", u"Teekanne", u"抹茶 Matcha",
                 u"Écharpe", u"Pull", u"Sac à dos", u"Crayon", u"Chocolat noir", u"Lampe",
                 u"Puzzle", u"Bougie", u"Confiture", u"Roman", u"Stylo plume", u"Casque audio",
                 u"T-shirt", u"Mug", u"Spätzlehobel", u"Kalender"]
DESCRIPTIONS = [u"Fabriqué à la main à Liège.", u"Handgefertigt in Köln — schöne Qualität.",
                u"手作りの逸品です。", u"Hecho en España con cariño.", u"A customer favourite.",
                u"Édition spéciale : quantités limitées."]

# Option groups of configurable products: (name, [(name, value, price change)]).
OPTION_GROUPS = [
    (u"Taille", [(u"Petit", u"S", None), (u"Moyen", u"M", None), (u"Grand", u"L", u"1.50"),
                 (u"Très grand", u"XL", u"3.00")]),
    (u"Couleur", [(u"Rouge cerise", u"rouge", None), (u"Bleu nuit", u"bleu", None),
                  (u"Vert émeraude", u"vert", u"2.00"), (u"墨黑", u"noir", u"1.00")]),
    (u"Matière", [(u"Coton", u"coton", None), (u"Laine mérinos", u"laine", u"6.00")]),
    (u"Gravure", [(u"Sans", u"sans", None), (u"Avec prénom", u"prenom", u"4.90")]),
]

ORDER_NOTES = [u"Merci de livrer après 18 h.", u"Bitte beim Nachbarn abgeben.",
               u"请放在门口。", u"Cadeau : pas de prix sur la facture, s'il vous plaît.",
               u"置き配希望", u"Leave at the back door.", u"Entregar en portería."]
STATUS_NOTES = {
    "New": u"Commande reçue",
    "In Process": u"Paiement partiel reçu — en attente du solde",
    "Billed": u"Payée",
    "Shipped": u"Expédiée — colis remis à bpost",
    "Complete": u"Livrée",
    "Cancelled": u"Annulée à la demande du client",
}
