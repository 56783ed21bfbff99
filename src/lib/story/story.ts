import type { Coord, Evidence, Story, When } from './vocabulary';

/*
 * The built-in story: ZDFheute, September 2023, by Elisabeth Schmidt (ZDF East Asia
 * correspondent). Every flow, area and event carries the article's own certainty and the
 * paragraph it comes from (1-based number of the non-empty line of source/article-de.txt).
 * Certainty is never raised above what the article says; dates and places that are not in the
 * article but public record say so in a note.
 *
 * A plain typed literal on purpose: the app imports it without running the schema; the unit
 * tests pass it through `parseStory` and check every quote against the article text.
 */

/**
 * Kim's armoured-train route, public-record geography, approximate (a few stations, not the
 * track): the P'yŏngra line (Pyongyang – Sunchon – Yangdok – Kowon – Hamhung – along the east
 * coast – Chongjin – Rajin), the Hongui line to Tumangang, the Friendship Bridge over the Tumen
 * to Khasan, the Khasan–Baranovsky line along the coast of Primorye, and the Trans-Siberian
 * south to Vladivostok. The Khasan line meets the Trans-Siberian at the Baranovsky junction near
 * Ussuriysk (43.65N 131.93E); trains to Vladivostok turn back south there. That short reversal is
 * left out so the drawn line does not double back on itself.
 */
const KIM_TRAIN_ROUTE: Coord[] = [
	[125.93, 39.43], // Sunchon
	[126.62, 39.22], // Yangdok
	[127.25, 39.44], // Kowon
	[127.54, 39.92], // Hamhung
	[128.33, 40.2], // Pukchong
	[128.91, 40.46], // Tanchon
	[129.19, 40.67], // Kimchaek
	[129.33, 40.96], // Kilju
	[129.66, 41.38], // Orang
	[129.78, 41.79], // Chongjin
	[130.3, 42.25], // Rajin
	[130.6, 42.41], // Tumangang (border station)
	[130.645, 42.43], // Khasan (Russian border station)
	[130.79, 42.71], // Kraskino
	[131.24, 42.8], // Ryazanovka
	[131.56, 43.11], // Primorsky
	[131.78, 43.43], // Vinevitino
	[131.91, 43.55], // Razdolnoye (Baranovsky junction lies just north)
	[132.06, 43.31], // Ugolnaya
	[131.99, 43.2] // Sedanka
];

// Dates that the article gives only loosely ("im Juli", "Ende Juli") but are public record.
const SHOIGU_VISIT: When = {
	precision: 'days',
	start: '2023-07-25',
	end: '2023-07-27',
	note: {
		de: 'Der Artikel nennt „Juli“ und „Ende Juli“; die Daten 25.–27. Juli 2023 sind öffentlich dokumentiert.',
		en: 'The article says "July" and "late July"; the dates 25–27 July 2023 are public record.'
	}
};

const DELEGATION: When = { precision: 'month', start: '2023-08' };

const UNDATED: When = { precision: 'undated' };

/*
 * Every deal the article considers (missiles, shells, technology, satellites, food, workers)
 * comes with the article's own two caveats: such deals are far from certain (para. 21), and a
 * deal might turn out rather small (para. 23).
 */
const DEAL_CAVEATS: Evidence[] = [
	{ source: 'zdfheute', paragraph: 21, quote: 'Doch derlei Deals sind alles andere als sicher' },
	{ source: 'zdfheute', paragraph: 23, quote: 'könnte demnach auch eher klein ausfallen' }
];
const DEAL_CAVEAT_TEXT = {
	de: ' Der Artikel betont: Derlei Deals sind „alles andere als sicher“; ein Deal könnte „eher klein ausfallen“.',
	en: ' The article stresses that such deals are "far from certain" (alles andere als sicher) and that a deal might turn out "rather small".'
};

const RECOGNITION_WHEN: When = {
	precision: 'undated',
	note: {
		de: 'Der Artikel nennt kein Datum. Öffentlich dokumentiert: Nordkorea erkannte die „Volksrepubliken“ Luhansk und Donezk im Juli 2022 an.',
		en: 'The article gives no date. Public record: North Korea recognised the Luhansk and Donetsk "people\'s republics" in July 2022.'
	}
};

export const story: Story = {
	version: 1,
	title: {
		de: 'Nordkorea und Russland rücken zusammen',
		en: 'North Korea and Russia move closer'
	},
	article: {
		publisher: 'ZDFheute',
		author: 'Elisabeth Schmidt',
		published: '2023-09',
		language: 'de'
	},

	sources: [
		{
			id: 'zdfheute',
			kind: 'article',
			name: { de: 'ZDFheute (Elisabeth Schmidt)', en: 'ZDFheute (Elisabeth Schmidt)' },
			detail: {
				de: 'Der Artikel selbst, von Elisabeth Schmidt, ZDF-Ostasienkorrespondentin, September 2023.',
				en: 'The article itself, by Elisabeth Schmidt, ZDF East Asia correspondent, September 2023.'
			}
		},
		{
			id: 'south-korean-media',
			kind: 'media',
			name: { de: 'Südkoreanische Medien', en: 'South Korean media' },
			detail: {
				de: 'Vom Artikel nicht näher benannt.',
				en: 'Not named further in the article.'
			}
		},
		{
			id: 'us-nsc',
			kind: 'government',
			name: { de: 'Nationaler Sicherheitsrat der USA', en: 'US National Security Council' }
		},
		{
			id: 'bremer',
			kind: 'analyst',
			name: { de: 'Bremer (NK News)', en: 'Bremer (NK News)' },
			detail: {
				de: 'Korrespondent für NK News mit Sitz in Seoul, Südkorea; der Artikel nennt nur den Nachnamen.',
				en: 'Correspondent for NK News, based in Seoul, South Korea; the article gives only his surname.'
			}
		},
		{
			id: 'north-korea-state',
			kind: 'government',
			name: { de: 'Nordkoreanische Staatsführung', en: 'North Korean state' },
			detail: {
				de: 'Eigene Angaben Kim Jong Uns und seines Regimes, etwa zu den Fähigkeiten des U-Boots.',
				en: "Kim Jong Un's and his regime's own claims, such as the submarine's capabilities."
			}
		},
		{
			id: 'public-record',
			kind: 'public-record',
			name: { de: 'Öffentlich dokumentiert', en: 'Public record' },
			detail: {
				de: 'Nicht aus dem Artikel: Tatsachen, die nach breiter Berichterstattung gesichert sind (etwa Reisedaten und -orte, berichtet u. a. von Reuters, AP, TASS und KCNA).',
				en: 'Not from the article: facts settled by wide reporting (such as travel dates and places, reported by Reuters, AP, TASS and KCNA among others).'
			}
		},
		{
			id: 'russian-military',
			kind: 'government',
			name: { de: 'Russische Militärs', en: 'Russian military officers' },
			detail: { de: 'Vom Artikel nicht näher benannt.', en: 'Not named further in the article.' }
		},
		{
			id: 'unattributed',
			kind: 'unattributed',
			name: { de: 'Ohne Quellenangabe', en: 'Unattributed' },
			detail: {
				de: 'Behauptungen, die der Artikel mit „sollen“ oder im Konjunktiv wiedergibt, ohne eine Quelle zu nennen.',
				en: 'Claims the article reports with "sollen" (reportedly) or in reported speech without naming a source.'
			}
		}
	],

	places: [
		{
			id: 'pyongyang',
			name: { de: 'Pjöngjang', en: 'Pyongyang' },
			coord: [125.7625, 39.0392],
			role: 'capital',
			country: '408'
		},
		{
			id: 'vladivostok',
			name: { de: 'Wladiwostok', en: 'Vladivostok' },
			coord: [131.8869, 43.1155],
			role: 'port',
			country: '643'
		},
		{
			id: 'moscow',
			name: { de: 'Moskau', en: 'Moscow' },
			coord: [37.6173, 55.7558],
			role: 'capital',
			country: '643'
		},
		{
			id: 'beijing',
			name: { de: 'Peking', en: 'Beijing' },
			coord: [116.4074, 39.9042],
			role: 'capital',
			country: '156'
		},
		{
			id: 'sinpo',
			name: { de: 'Sinpo', en: 'Sinpo' },
			coord: [128.18, 40.03],
			role: 'shipyard',
			country: '408',
			note: {
				de: 'Im Artikel nicht genannt. Öffentlich dokumentiert: In der Werft von Sinpo (Provinz Süd-Hamgyong) wurde das U-Boot vorgestellt.',
				en: 'Not named in the article. Public record: the submarine was unveiled at the Sinpo shipyard (South Hamgyong province).'
			}
		},
		{
			id: 'vostochny',
			name: { de: 'Kosmodrom Wostotschny', en: 'Vostochny Cosmodrome' },
			coord: [128.334, 51.884],
			role: 'city',
			country: '643',
			note: {
				de: 'Im Artikel nicht genannt. Öffentlich dokumentiert: Hier, im Amur-Gebiet, trafen sich Kim und Putin am 13. September 2023.',
				en: 'Not named in the article. Public record: Kim and Putin met here, in the Amur region, on 13 September 2023.'
			}
		}
	],

	flows: [
		// --- visits ------------------------------------------------------------------------------
		{
			id: 'kim-train-to-vladivostok',
			kind: 'visit',
			from: 'pyongyang',
			to: 'vladivostok',
			via: KIM_TRAIN_ROUTE,
			when: {
				precision: 'day',
				start: '2023-09-12',
				note: {
					de: 'Der Artikel nennt kein Datum; die Ankunft in Russland (Grenzbahnhof Chassan) am 12. September 2023 ist öffentlich dokumentiert.',
					en: 'The article gives no date; the arrival in Russia (Khasan border station) on 12 September 2023 is public record.'
				}
			},
			certainty: 'claimed',
			label: { de: 'Kims Panzerzug', en: "Kim's armoured train" },
			summary: {
				de: 'Laut südkoreanischen Medien ist Kim Jong Un mit einem gepanzerten Zug in Russland eingetroffen; er soll auf dem Weg nach Wladiwostok sein. In Russland ist ein Treffen mit Putin geplant. Die Linie folgt ungefähr der Bahnstrecke und endet, wie der Artikel, in Wladiwostok. Öffentlich dokumentiert: Der Zug fuhr von Chassan nach Norden zum Kosmodrom Wostotschny, wo Kim und Putin sich am 13. September trafen; Wladiwostok besuchte Kim erst danach.',
				en: 'According to South Korean media, Kim Jong Un has arrived in Russia by armoured train; he is said to be heading for Vladivostok. A meeting with Putin is planned in Russia. The line roughly follows the railway and ends, as the article does, in Vladivostok. Public record: from Khasan the train went north to the Vostochny Cosmodrome, where Kim and Putin met on 13 September; Kim visited Vladivostok only afterwards.'
			},
			evidence: [
				{
					source: 'south-korean-media',
					paragraph: 2,
					quote: 'laut südkoreanischen Medien mit einem gepanzerten Zug'
				},
				{ source: 'unattributed', paragraph: 1, quote: 'soll unterwegs nach Wladiwostok sein' },
				{
					source: 'zdfheute',
					paragraph: 2,
					quote: 'Dort ist ein Treffen mit Präsident Wladimir Putin geplant'
				},
				{ source: 'public-record' }
			]
		},
		{
			id: 'shoigu-visit',
			kind: 'visit',
			from: 'moscow',
			to: 'pyongyang',
			when: SHOIGU_VISIT,
			certainty: 'reported',
			label: { de: 'Schoigus Besuch', en: "Shoigu's visit" },
			summary: {
				de: 'Russlands Verteidigungsminister Sergei Schoigu besuchte Ende Juli 2023 Nordkorea zum 70. Jahrestag des Waffenstillstands im Korea-Krieg. Der Artikel hält den Besuch für einen möglichen Hinweis auf einen Waffen-Deal.',
				en: "Russia's defence minister Sergei Shoigu visited North Korea in late July 2023 for the 70th anniversary of the Korean War armistice. The article sees the visit as a possible sign of an arms deal."
			},
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 11,
					quote: 'anlässlich des 70. Jahrestages des Waffenstillstands im Korea-Krieg nach Nordkorea'
				},
				{
					source: 'zdfheute',
					paragraph: 17,
					quote: 'Ende Juli war Russlands Verteidigungsminister Schoigu in Nordkorea zu Besuch'
				}
			]
		},
		// The article names both destinations but no order or route, so the delegation is drawn
		// as two trips from Pyongyang rather than an invented itinerary.
		{
			id: 'delegation-to-vladivostok',
			kind: 'visit',
			from: 'pyongyang',
			to: 'vladivostok',
			when: DELEGATION,
			certainty: 'claimed',
			label: { de: 'Delegation nach Wladiwostok', en: 'Delegation to Vladivostok' },
			summary: {
				de: 'Im August 2023 soll eine 20-köpfige nordkoreanische Delegation zum Gegenbesuch nach Wladiwostok und Moskau gereist sein. Der Artikel gibt das im Konjunktiv ohne eigene Quelle wieder und nennt keine Reihenfolge.',
				en: 'In August 2023 a 20-member North Korean delegation reportedly paid a return visit to Vladivostok and Moscow. The article gives this in reported speech without naming a source, and without an order of stops.'
			},
			evidence: [
				{ source: 'unattributed', paragraph: 12, quote: 'Im August habe dann der Gegenbesuch stattgefunden' },
				{
					source: 'unattributed',
					paragraph: 12,
					quote: 'Eine 20-köpfige Delegation aus Nordkorea sei nach Wladiwostok und Moskau gereist'
				}
			]
		},
		{
			id: 'delegation-to-moscow',
			kind: 'visit',
			from: 'pyongyang',
			to: 'moscow',
			when: DELEGATION,
			certainty: 'claimed',
			label: { de: 'Delegation nach Moskau', en: 'Delegation to Moscow' },
			summary: {
				de: 'Im August 2023 soll eine 20-köpfige nordkoreanische Delegation zum Gegenbesuch nach Wladiwostok und Moskau gereist sein. Der Artikel gibt das im Konjunktiv ohne eigene Quelle wieder und nennt keine Reihenfolge.',
				en: 'In August 2023 a 20-member North Korean delegation reportedly paid a return visit to Vladivostok and Moscow. The article gives this in reported speech without naming a source, and without an order of stops.'
			},
			evidence: [
				{ source: 'unattributed', paragraph: 12, quote: 'Im August habe dann der Gegenbesuch stattgefunden' },
				{
					source: 'unattributed',
					paragraph: 12,
					quote: 'Eine 20-köpfige Delegation aus Nordkorea sei nach Wladiwostok und Moskau gereist'
				}
			]
		},

		// A request is a diplomatic act: drawn Moscow -> Pyongyang as diplomacy, so no arms arrow ever
		// points at North Korea. The arms that were asked for would go the other way (see below).
		{
			id: 'shoigu-arms-request',
			kind: 'diplomacy',
			from: 'moscow',
			to: 'pyongyang',
			when: SHOIGU_VISIT,
			certainty: 'claimed',
			label: { de: 'Schoigus Bitte um Waffenhilfe', en: "Shoigu's plea for arms" },
			summary: {
				de: 'Laut dem Nationalen Sicherheitsrat der USA bat Schoigu bei seinem Besuch in Nordkorea um Waffenhilfe, also um Waffen aus Nordkorea für Russland. Der Artikel bestätigt das nicht; er hält es für möglich, dass ein Waffen-Deal vorbereitet wird.',
				en: 'According to the US National Security Council, Shoigu asked for arms aid during his visit to North Korea, that is, for North Korean weapons for Russia. The article does not confirm this; it considers it possible that an arms deal is being prepared.'
			},
			evidence: [
				{ source: 'us-nsc', paragraph: 11, quote: 'habe er dabei auch um Waffenhilfe gebeten' },
				{
					source: 'zdfheute',
					paragraph: 11,
					quote: 'Dass ein Waffen-Deal zwischen Moskau und Pjöngjang vorbereitet wird'
				}
			]
		},
		// --- arms --------------------------------------------------------------------------------
		{
			id: 'kn23-missiles',
			kind: 'arms',
			from: 'pyongyang',
			to: 'moscow',
			when: UNDATED,
			certainty: 'possible',
			label: { de: 'Raketen vom Typ KN-23', en: 'KN-23 missiles' },
			summary: {
				de:
					'Laut NK-News-Korrespondent Bremer wären nordkoreanische Kurzstreckenraketen wie die KN-23 für Russland interessant: Sie ähneln dem russischen Iskander-System und könnten ohne größere Anpassung in der Ukraine eingesetzt werden. Eine Lieferung berichtet der Artikel nicht.' +
					DEAL_CAVEAT_TEXT.de,
				en:
					"According to NK News correspondent Bremer, North Korean short-range missiles such as the KN-23 would interest Russia: they resemble Russia's Iskander system and could be used in Ukraine without major changes. The article reports no delivery." +
					DEAL_CAVEAT_TEXT.en
			},
			evidence: [
				{ source: 'bremer', paragraph: 16, quote: 'Kurzstrecken-Raketen, etwa vom Typ KN-23' },
				{
					source: 'bremer',
					paragraph: 16,
					quote: 'Diese Waffen ähnelten dem russischen Iskander-Raketensystem, so Bremer'
				},
				...DEAL_CAVEATS
			]
		},
		{
			id: 'artillery-tank-shells',
			kind: 'arms',
			from: 'pyongyang',
			to: 'moscow',
			when: UNDATED,
			certainty: 'possible',
			label: { de: 'Artillerie- und Panzermunition', en: 'Artillery and tank shells' },
			summary: {
				de:
					'Bremer hält weitere Munitionslieferungen für denkbar: Geschosse von 122 bis 152 Millimetern für die Artillerie und von 100 bis 150 Millimetern für Panzer aus Sowjetzeiten, die Russland in der Ukraine noch einsetzt. Russische Militärs beklagen laut Artikel seit Wochen, dass Geschosse rationiert werden müssen.' +
					DEAL_CAVEAT_TEXT.de,
				en:
					'Bremer considers further ammunition deliveries conceivable: 122 to 152 mm shells for artillery and 100 to 150 mm rounds for Soviet-era tanks, which Russia still uses in Ukraine. According to the article, Russian military officers have been complaining for weeks that shells have to be rationed.' +
					DEAL_CAVEAT_TEXT.en
			},
			evidence: [
				{ source: 'bremer', paragraph: 16, quote: 'Denkbar wären weitere Munitionslieferungen' },
				{ source: 'bremer', paragraph: 16, quote: '152 bis 122 Millimeter-Geschosse für die Artillerie' },
				{
					source: 'bremer',
					paragraph: 16,
					quote: '100 bis 150 Millimeter für die Panzer aus Sowjetunion-Zeiten'
				},
				{ source: 'russian-military', paragraph: 8, quote: 'dass Geschosse rationiert werden müssen' },
				...DEAL_CAVEATS
			]
		},

		// --- technology ----------------------------------------------------------------------------
		{
			id: 'military-technology',
			kind: 'technology',
			from: 'moscow',
			to: 'pyongyang',
			when: UNDATED,
			certainty: 'possible',
			label: { de: 'Militärtechnik und Know-how', en: 'Military tech, know-how' },
			summary: {
				de:
					'Im Gegenzug könnte Nordkorea von Russland Technik für sein Militär und Know-how erhalten, so die Einschätzung des Artikels.' +
					DEAL_CAVEAT_TEXT.de,
				en:
					'In return, North Korea could receive military technology and know-how from Russia, the article suggests.' +
					DEAL_CAVEAT_TEXT.en
			},
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 18,
					quote: 'könnte Nordkorea auch von Russland Technik fürs Militär'
				},
				{
					source: 'zdfheute',
					paragraph: 15,
					quote: 'Waffen und Personal gegen Lebensmittel sowie Know-How?'
				},
				...DEAL_CAVEATS
			]
		},
		{
			id: 'satellite-programme',
			kind: 'technology',
			from: 'moscow',
			to: 'pyongyang',
			when: UNDATED,
			certainty: 'possible',
			label: { de: 'Hilfe bei Satelliten', en: 'Satellite programme help' },
			summary: {
				de:
					'Russland könnte Nordkorea auch bei seinem bislang gescheiterten Satellitenprogramm helfen, so die Einschätzung des Artikels.' +
					DEAL_CAVEAT_TEXT.de,
				en:
					'Russia could also help North Korea with its satellite programme, which has failed so far, the article suggests.' +
					DEAL_CAVEAT_TEXT.en
			},
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 18,
					quote: 'sein - bislang gescheitertes - Satellitenprogramm erhalten'
				},
				...DEAL_CAVEATS
			]
		},

		// --- food ----------------------------------------------------------------------------------
		{
			id: 'russian-shipments',
			kind: 'food',
			from: 'moscow',
			to: 'pyongyang',
			when: {
				precision: 'since',
				start: '2023-01',
				note: {
					de: '„Seit Januar diesen Jahres“: Der Artikel erschien im September 2023.',
					en: '"Since January this year": the article was published in September 2023.'
				}
			},
			certainty: 'claimed',
			label: { de: 'Regelmäßige Lieferungen', en: 'Regular shipments' },
			summary: {
				de: 'Laut Bremer schickt Russland seit Januar 2023 regelmäßig Lieferungen nach Nordkorea, das chronisch unter Nahrungsmittelknappheit leidet. Was geliefert wird, sagt der Artikel nicht ausdrücklich; der Zusammenhang sind Lebensmittel.',
				en: 'According to Bremer, Russia has been sending regular shipments to North Korea since January 2023; the country suffers from chronic food shortages. The article does not say outright what is shipped; the context is food.'
			},
			evidence: [
				{
					source: 'bremer',
					paragraph: 18,
					quote: 'Seit Januar diesen Jahres verschicke Russland regelmäßig Lieferungen nach Nordkorea'
				},
				{ source: 'bremer', paragraph: 18, quote: 'Nordkorea leidet chronisch unter Nahrungsmittelknappheit' }
			]
		},
		{
			id: 'food-deals',
			kind: 'food',
			from: 'moscow',
			to: 'pyongyang',
			when: UNDATED,
			certainty: 'possible',
			label: { de: 'Lebensmittel als Gegenleistung', en: 'Food deals in return' },
			summary: {
				de:
					'Im Tausch gegen Arbeitskräfte könnte Kim Jong Un mit Russland Lebensmitteldeals aushandeln, so die Einschätzung des Artikels.' +
					DEAL_CAVEAT_TEXT.de,
				en:
					'In exchange for workers, Kim Jong Un could negotiate food deals with Russia, the article suggests.' +
					DEAL_CAVEAT_TEXT.en
			},
			evidence: [
				{ source: 'zdfheute', paragraph: 18, quote: 'im Gegenzug Lebensmitteldeals herausschlagen' },
				...DEAL_CAVEATS
			]
		},

		// --- labour --------------------------------------------------------------------------------
		{
			id: 'workers',
			kind: 'labour',
			from: 'pyongyang',
			to: 'moscow',
			when: UNDATED,
			certainty: 'possible',
			label: { de: 'Arbeitskräfte, etwa Mechaniker', en: 'Workers such as mechanics' },
			summary: {
				de:
					'Kim Jong Un könnte Putin Arbeitskräfte anbieten, etwa dringend gesuchte Mechaniker, so die Einschätzung des Artikels.' +
					DEAL_CAVEAT_TEXT.de,
				en:
					'Kim Jong Un could offer Putin workers, such as badly needed mechanics, the article suggests.' +
					DEAL_CAVEAT_TEXT.en
			},
			evidence: [
				{ source: 'zdfheute', paragraph: 18, quote: 'Kim Jong Un könnte Putin auch Arbeitskräfte anbieten' },
				{ source: 'zdfheute', paragraph: 18, quote: 'dringend gesuchte Mechaniker etwa' },
				...DEAL_CAVEATS
			]
		},

		// --- trade ---------------------------------------------------------------------------------
		{
			id: 'trade-china-north-korea',
			kind: 'trade',
			from: 'beijing',
			to: 'pyongyang',
			mutual: true,
			when: UNDATED,
			certainty: 'reported',
			label: { de: 'Wichtigster Handelspartner', en: 'Main trading partner' },
			summary: {
				de: 'China ist Nordkoreas wichtigster Handelspartner.',
				en: "China is North Korea's most important trading partner."
			},
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 21,
					quote: 'China ist Nordkoreas und Russlands wichtigster Handelspartner'
				}
			]
		},
		{
			id: 'trade-china-russia',
			kind: 'trade',
			from: 'beijing',
			to: 'moscow',
			mutual: true,
			when: UNDATED,
			certainty: 'reported',
			label: { de: 'Wichtigster Handelspartner', en: 'Main trading partner' },
			summary: {
				de: 'China ist Russlands wichtigster Handelspartner.',
				en: "China is Russia's most important trading partner."
			},
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 21,
					quote: 'China ist Nordkoreas und Russlands wichtigster Handelspartner'
				}
			]
		},

		// --- diplomacy -----------------------------------------------------------------------------
		{
			id: 'russia-north-korea-front',
			kind: 'diplomacy',
			from: 'pyongyang',
			to: 'moscow',
			mutual: true,
			when: UNDATED,
			certainty: 'reported',
			label: { de: 'Gemeinsame Front gegen USA', en: 'Common front against US' },
			summary: {
				de: 'Die Freundschaft zwischen Nordkorea und Russland beruhte laut Artikel bislang vor allem auf warmen Worten und der gemeinsamen Front gegen die USA. Seit Russland im Ukraine-Krieg die Munition knapp wird, richtet Putin neues Augenmerk auf den ebenfalls isolierten Verbündeten.',
				en: 'According to the article, the friendship between North Korea and Russia has so far rested mainly on warm words and a common front against the US. Since Russia has been running short of ammunition in Ukraine, Putin has been paying new attention to his likewise isolated ally.'
			},
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 8,
					quote: 'basierte bislang vor allem auf der gemeinsamen Front gegen die USA'
				},
				{ source: 'zdfheute', paragraph: 1, quote: 'vor allem aus warmen Worten' },
				{ source: 'zdfheute', paragraph: 8, quote: 'wirft Wladimir Putin ein neues Augenmerk auf seinen' }
			]
		},
		{
			id: 'recognition-of-annexations',
			kind: 'diplomacy',
			from: 'pyongyang',
			to: 'moscow',
			when: RECOGNITION_WHEN,
			certainty: 'reported',
			label: { de: 'Anerkennung besetzter Gebiete', en: 'Recognising occupied areas' },
			summary: {
				de: 'Nordkorea hat Russland im Ukraine-Krieg diplomatisch unterstützt: Es erkannte die besetzte Krim als russisch an, ebenso die selbst ernannten „Volksrepubliken“ Luhansk und Donezk.',
				en: 'North Korea has backed Russia diplomatically in the war in Ukraine: it recognised occupied Crimea as Russian, and likewise the self-declared Luhansk and Donetsk "people\'s republics".'
			},
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 19,
					quote: 'stärkte Nordkorea Russland auch diplomatisch den Rücken'
				},
				{ source: 'zdfheute', paragraph: 19, quote: 'Es erkannte etwa die besetzte Krim als russisch an' }
			]
		},
		// "wohl" makes this the author's hedged assessment, not a reported fact: 'possible'.
		{
			id: 'china-blessing-pyongyang',
			kind: 'diplomacy',
			from: 'beijing',
			to: 'pyongyang',
			when: UNDATED,
			certainty: 'possible',
			label: { de: 'Pekings Segen nötig', en: "Beijing's blessing needed" },
			summary: {
				de: 'Nach Einschätzung der Autorin wird ohne den Segen Chinas „wohl“ nichts zwischen Pjöngjang und Moskau entschieden; Kim kann es sich derzeit nicht leisten, Xi Jinping zu verärgern. Eine Einschätzung, kein berichteter Vorgang.',
				en: 'The author judges that without China\'s blessing nothing will "probably" be decided between Pyongyang and Moscow; Kim cannot currently afford to anger Xi Jinping. An assessment, not a reported event.'
			},
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 21,
					quote: 'Ohne den Segen Chinas wird wohl nichts entschieden werden'
				},
				{
					source: 'zdfheute',
					paragraph: 20,
					quote: 'Deal zwischen Moskau und Pjöngjang braucht Pekings Segen'
				},
				{
					source: 'zdfheute',
					paragraph: 21,
					quote: 'Kim und Putin können sich derzeit nicht leisten, Xi Jinping zu verärgern'
				}
			]
		},
		{
			id: 'china-blessing-moscow',
			kind: 'diplomacy',
			from: 'beijing',
			to: 'moscow',
			when: UNDATED,
			certainty: 'possible',
			label: { de: 'Pekings Segen nötig', en: "Beijing's blessing needed" },
			summary: {
				de: 'Nach Einschätzung der Autorin wird ohne den Segen Chinas „wohl“ nichts zwischen Moskau und Pjöngjang entschieden; auch Putin kann es sich derzeit nicht leisten, Xi Jinping zu verärgern. Eine Einschätzung, kein berichteter Vorgang.',
				en: 'The author judges that without China\'s blessing nothing will "probably" be decided between Moscow and Pyongyang; Putin, too, cannot currently afford to anger Xi Jinping. An assessment, not a reported event.'
			},
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 21,
					quote: 'Ohne den Segen Chinas wird wohl nichts entschieden werden'
				},
				{
					source: 'zdfheute',
					paragraph: 20,
					quote: 'Deal zwischen Moskau und Pjöngjang braucht Pekings Segen'
				},
				{
					source: 'zdfheute',
					paragraph: 21,
					quote: 'Kim und Putin können sich derzeit nicht leisten, Xi Jinping zu verärgern'
				}
			]
		},
		{
			id: 'china-no-condemnation',
			kind: 'diplomacy',
			from: 'beijing',
			to: 'moscow',
			// The article itself dates the war: "Seit Februar 2022".
			when: { precision: 'since', start: '2022-02' },
			certainty: 'reported',
			label: { de: 'Keine Verurteilung des Kriegs', en: 'No condemnation of war' },
			summary: {
				de: 'China hat Russlands Angriffskrieg gegen die Ukraine auf offizieller Bühne nie verurteilt. Im Verhältnis zu Europa wird der Krieg für Peking laut Artikel aber zunehmend zur Belastung.',
				en: "China has never officially condemned Russia's war of aggression against Ukraine. According to the article, though, the war is becoming a growing burden on Beijing's relations with Europe."
			},
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 23,
					quote: 'hat China Russlands Angriffskrieg in der Ukraine nie verurteilt'
				},
				{
					source: 'zdfheute',
					paragraph: 28,
					quote: 'Seit Februar 2022 führt Russland einen Angriffskrieg gegen die Ukraine'
				}
			]
		},

		// --- letters -------------------------------------------------------------------------------
		{
			id: 'secret-letters',
			kind: 'letters',
			from: 'pyongyang',
			to: 'moscow',
			mutual: true,
			when: UNDATED,
			certainty: 'claimed',
			label: { de: 'Geheime Briefe', en: 'Secret letters' },
			summary: {
				de: 'Kim und Putin sollen sich in geheimen Briefen über die Stärkung der militärischen Beziehungen ausgetauscht haben; der Artikel nennt dafür keine Quelle.',
				en: 'Kim and Putin are said to have exchanged secret letters about strengthening military ties; the article names no source for this.'
			},
			evidence: [
				{ source: 'unattributed', paragraph: 13, quote: 'sollen sich außerdem in heimlichen Briefen' }
			]
		}
	],

	areas: [
		// "soll ... patrouillieren" without a source, in the context of Kim's announcement: the
		// article passes on North Korea's stated plan without confirming it, hence 'claimed'.
		{
			id: 'patrol-waters',
			kind: 'patrol-waters',
			name: { de: 'Japanisches Meer / Ostmeer', en: 'Sea of Japan / East Sea' },
			caption: {
				de: 'Soll Patrouillengebiet des U-Boots „Hero Kim Kun Ok“ werden',
				en: 'To be patrolled by the submarine "Hero Kim Kun Ok"'
			},
			summary: {
				de: 'Das neue U-Boot soll in den Gewässern zwischen Korea und Japan patrouillieren; der Artikel gibt das mit „soll“ und ohne Quelle wieder, im Zusammenhang mit Kims Ankündigung. Internationale Experten bezweifeln, dass das U-Boot funktioniert. Die Fläche ist eine grobe Darstellung.',
				en: 'The new submarine is to patrol the waters between Korea and Japan; the article gives this with "soll" (is to / is said to) and no source, in the context of Kim\'s announcement. International experts doubt that the submarine works. The outline is approximate.'
			},
			certainty: 'claimed',
			// The dated thing is the announcement of a plan ("soll"), not patrols under way.
			when: {
				precision: 'day',
				start: '2023-09-06',
				note: {
					de: 'Angekündigt mit der Vorstellung des U-Boots am 6. September 2023 (Datum öffentlich dokumentiert). Der Artikel berichtet einen Plan, keine laufenden Patrouillen.',
					en: 'Announced with the unveiling of the submarine on 6 September 2023 (date public record). The article reports a plan, not patrols under way.'
				}
			},
			note: {
				de: 'Die Fläche ist eine grobe Darstellung der Gewässer zwischen Korea und Japan (Japanisches Meer/Ostmeer und Koreastraße), keine angekündigte Grenze.',
				en: 'The shape roughly shows the waters between Korea and Japan (Sea of Japan/East Sea and the Korea Strait); it is not an announced boundary.'
			},
			evidence: [
				{
					source: 'unattributed',
					paragraph: 5,
					quote: 'Das U-Boot soll in den Gewässern zwischen Korea und Japan patrouillieren'
				},
				{
					source: 'zdfheute',
					paragraph: 7,
					quote: 'internationale Experten noch an der Funktionsfähigkeit des neuen U-Boots zweifeln'
				}
			]
		},
		{
			id: 'crimea',
			kind: 'recognised-region',
			name: { de: 'Krim', en: 'Crimea' },
			summary: {
				de: 'Nordkorea erkannte die von Russland besetzte Krim als russisch an.',
				en: 'North Korea recognised Russian-occupied Crimea as Russian.'
			},
			note: {
				de: 'Die Fläche zeigt die Halbinsel Krim mit Sewastopol, ungefähr umrissen. Die Karte zeigt die Krim völkerrechtlich als Teil der Ukraine.',
				en: 'The shape is the Crimean peninsula with Sevastopol, outlined approximately. The map shows Crimea as part of Ukraine under international law.'
			},
			certainty: 'reported',
			when: { precision: 'undated' },
			evidence: [
				{ source: 'zdfheute', paragraph: 19, quote: 'Es erkannte etwa die besetzte Krim als russisch an' }
			]
		},
		{
			id: 'luhansk',
			kind: 'recognised-region',
			name: { de: 'Luhansk', en: 'Luhansk' },
			summary: {
				de: 'Nordkorea erkannte die selbst ernannte „Volksrepublik“ Luhansk an.',
				en: 'North Korea recognised the self-declared Luhansk "people\'s republic".'
			},
			note: {
				de: 'Die Fläche zeigt die ukrainische Oblast Luhansk, das Gebiet, das die selbst ernannte „Volksrepublik“ beansprucht – nicht die Frontlinie und nicht das von Russland besetzte Gebiet. Umriss ungefähr.',
				en: 'The shape is Ukraine\'s Luhansk oblast, the territory the self-declared "people\'s republic" claims – not the front line, nor the area Russia occupies. Outline approximate.'
			},
			certainty: 'reported',
			when: RECOGNITION_WHEN,
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 19,
					quote: 'ebenso die selbst ernannten Volksrepubliken Luhansk und Donezk'
				}
			]
		},
		{
			id: 'donetsk',
			kind: 'recognised-region',
			name: { de: 'Donezk', en: 'Donetsk' },
			summary: {
				de: 'Nordkorea erkannte die selbst ernannte „Volksrepublik“ Donezk an.',
				en: 'North Korea recognised the self-declared Donetsk "people\'s republic".'
			},
			note: {
				de: 'Die Fläche zeigt die ukrainische Oblast Donezk, das Gebiet, das die selbst ernannte „Volksrepublik“ beansprucht – nicht die Frontlinie und nicht das von Russland besetzte Gebiet. Umriss ungefähr.',
				en: 'The shape is Ukraine\'s Donetsk oblast, the territory the self-declared "people\'s republic" claims – not the front line, nor the area Russia occupies. Outline approximate.'
			},
			certainty: 'reported',
			when: RECOGNITION_WHEN,
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 19,
					quote: 'ebenso die selbst ernannten Volksrepubliken Luhansk und Donezk'
				}
			]
		}
	],

	events: [
		// The article was written before the meeting: it says one is planned and that Kim is said to
		// be heading for Vladivostok. Where and when it took place is public record.
		{
			id: 'kim-putin-meeting',
			place: 'vostochny',
			when: {
				precision: 'day',
				start: '2023-09-13',
				note: {
					de: 'Öffentlich dokumentiert; der Artikel nennt nur ein geplantes Treffen „in Russland“ und Wladiwostok als Reiseziel.',
					en: 'Public record; the article only speaks of a planned meeting in Russia and names Vladivostok as the destination.'
				}
			},
			title: {
				de: 'Kim trifft Putin am Kosmodrom Wostotschny',
				en: 'Kim meets Putin at the Vostochny Cosmodrome'
			},
			summary: {
				de: 'Das im Artikel angekündigte Treffen fand am 13. September 2023 am Weltraumbahnhof Wostotschny im Amur-Gebiet statt, nicht in Wladiwostok (öffentlich dokumentiert). Danach besuchte Kim Komsomolsk am Amur und Wladiwostok; am 17. September reiste er ab. Was dort vereinbart wurde, steht nicht im Artikel.',
				en: 'The meeting the article anticipates took place on 13 September 2023 at the Vostochny space centre in the Amur region, not in Vladivostok (public record). Kim then visited Komsomolsk-on-Amur and Vladivostok and left on 17 September. What was agreed there is not in the article.'
			},
			certainty: 'reported',
			evidence: [
				{ source: 'public-record' },
				{
					source: 'zdfheute',
					paragraph: 2,
					quote: 'Dort ist ein Treffen mit Präsident Wladimir Putin geplant'
				}
			]
		},
		{
			id: 'submarine-unveiling',
			place: 'sinpo',
			when: {
				precision: 'day',
				start: '2023-09-06',
				note: {
					de: 'Der Artikel schreibt „Am Mittwoch“; Datum (Mittwoch, 6. September 2023) und Ort (Werft Sinpo) sind öffentlich dokumentiert, der Artikel nennt den Ort nicht.',
					en: 'The article says "on Wednesday"; the date (Wednesday, 6 September 2023) and the place (Sinpo shipyard) are public record; the article does not name the place.'
				}
			},
			title: {
				de: 'Vorstellung des U-Boots „Hero Kim Kun Ok“',
				en: 'Unveiling of the submarine "Hero Kim Kun Ok"'
			},
			summary: {
				de: 'Kim Jong Un stellt das U-Boot „Hero Kim Kun Ok“ vor und erklärt, Nordkorea verfüge nun über ein „Atom-U-Boot“, das bis zu zehn Raketen mit Nuklearsprengköpfen tragen und abfeuern könne. Gemeint ist ein atomar bewaffnetes, kein atomgetriebenes U-Boot: Nordkoreas Staatsmedien (KCNA) nannten es „taktisches Atomangriffs-U-Boot“ (öffentlich dokumentiert). Internationale Experten bezweifeln, dass es funktioniert. Der Ort, die Werft Sinpo, steht nicht im Artikel.',
				en: 'Kim Jong Un unveils the submarine "Hero Kim Kun Ok" and claims North Korea now has a "nuclear submarine" (Atom-U-Boot) that can carry and fire up to ten nuclear-tipped missiles. It is meant to be nuclear-armed, not nuclear-powered: North Korea\'s state media (KCNA) called it a "tactical nuclear attack submarine" (public record). International experts doubt that it works. The place, the Sinpo shipyard, is not named in the article.'
			},
			// The unveiling itself is reported; the capabilities are Kim's claims (see evidence).
			certainty: 'reported',
			evidence: [
				{ source: 'zdfheute', paragraph: 3, quote: 'Sein Name: Hero Kim Kun Ok' },
				{ source: 'north-korea-state', paragraph: 4, quote: 'sein Land verfüge nun über ein "Atom-U-Boot"' },
				{
					source: 'north-korea-state',
					paragraph: 4,
					quote: 'Das Gefährt könne bis zu zehn Raketen mit Nuklearsprengköpfen tragen'
				},
				{
					source: 'zdfheute',
					paragraph: 7,
					quote: 'internationale Experten noch an der Funktionsfähigkeit des neuen U-Boots zweifeln'
				},
				{ source: 'public-record' }
			]
		},
		{
			id: 'armistice-parade',
			place: 'pyongyang',
			when: {
				precision: 'day',
				start: '2023-07-27',
				note: {
					de: 'Der Artikel nennt „Ende Juli“ und „in Nordkorea“; Datum (27. Juli 2023) und Ort (Pjöngjang) der Parade sind öffentlich dokumentiert.',
					en: 'The article says "late July" and "in North Korea"; the date (27 July 2023) and place (Pyongyang) of the parade are public record.'
				}
			},
			title: {
				de: 'Schoigu bei der Parade zum Waffenstillstand',
				en: 'Shoigu at the armistice parade'
			},
			summary: {
				de: 'Russlands Verteidigungsminister Schoigu nimmt an einer Parade zum 70. Jahrestag des Waffenstillstands im Korea-Krieg teil.',
				en: "Russia's defence minister Shoigu attends a parade marking the 70th anniversary of the Korean War armistice."
			},
			certainty: 'reported',
			evidence: [
				{
					source: 'zdfheute',
					paragraph: 17,
					quote: 'Er nahm an einer Parade zum 70-jährigen Waffenstillstand im Korea-Konflikt teil'
				}
			]
		}
	]
};
