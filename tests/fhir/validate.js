#!/usr/bin/env node
// validate.js - checks massage-intake's FHIR R4 exports, offline.
//
//   node validate.js QUESTIONNAIRE.json FILE...
//
// Each FILE holds one Bundle, a JSON array of Bundles, or one Bundle per
// line. Every Bundle and the Questionnaire go through FHIR.js (the npm
// package "fhir", R4), then through the checks below that FHIR.js does not
// make: a valueInteger written as a decimal, a linkId that is not in the
// Questionnaire, a value of the wrong type for its item, an answer outside
// the item's options or range, an answer to a follow-up that was not asked,
// links between entries that lead nowhere. Prints "ok FILE" or one line per
// problem ("FILE: bundle N: ..."); exits 1 when anything is wrong, 2 when
// it cannot run.
'use strict';

const fs = require('fs');
const path = require('path');

const moduleDir = process.env.MI_FHIR_VALIDATOR ||
	path.join(__dirname, '..', '..', '.cache', 'fhir-validator');
let Fhir;
try {
	({ Fhir } = require(path.join(moduleDir, 'node_modules', 'fhir')));
} catch (e) {
	console.error(`validate.js: FHIR.js is not installed in ${moduleDir}: run scripts/install-deps --test`);
	process.exit(2);
}
const fhir = new Fhir(); // FHIR R4 (4.0) by default

const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';
const FLAG_PRIORITY = 'http://hl7.org/fhir/StructureDefinition/flag-priority';
const PRIORITIES = ['PN', 'PL', 'PM', 'PH'];
const VALUE_OF_TYPE = {
	boolean: 'valueBoolean', integer: 'valueInteger', date: 'valueDate',
	string: 'valueString', text: 'valueString', choice: 'valueCoding',
};

// FHIR.js errors for one resource (warnings and notes pass).
function fhirjsErrors(resource) {
	const result = fhir.validate(resource, { errorOnUnexpected: true });
	return (result.messages || []).filter(m => m.severity === 'error')
		.map(m => `FHIR.js: ${m.location}: ${m.message}`);
}

// JSON.parse turns 7.0 into 7: look at the text itself for integers
// written with a fraction or an exponent.
function decimalIntegers(text) {
	const problems = [];
	const re = /"(valueInteger|answerInteger)"\s*:\s*(-?[0-9][0-9.eE+-]*)/g;
	let m;
	while ((m = re.exec(text)))
		if (!/^-?(0|[1-9][0-9]*)$/.test(m[2]))
			problems.push(`${m[1]} ${m[2]} is not a whole number`);
	return problems;
}

// The Bundles in a file: one object, an array, or one per line.
function readBundles(text) {
	const trimmed = text.trim();
	try {
		const value = JSON.parse(trimmed);
		return Array.isArray(value) ? value : [value];
	} catch (e) {
		return trimmed.split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
	}
}

// The answers given to each linkId of a response.
function answersByLinkId(qr) {
	const map = new Map();
	for (const item of qr.item || [])
		map.set(item.linkId, item.answer || []);
	return map;
}

// Whether one enableWhen condition holds for the answers given.
function conditionHolds(cond, answers) {
	const given = answers.get(cond.question) || [];
	if (cond.operator === 'exists')
		return (given.length > 0) === (cond.answerBoolean === true);
	return given.some(a => {
		if ('answerBoolean' in cond)
			return a.valueBoolean === cond.answerBoolean;
		if ('answerCoding' in cond)
			return a.valueCoding && a.valueCoding.code === cond.answerCoding.code &&
				a.valueCoding.system === cond.answerCoding.system;
		if ('answerInteger' in cond && typeof a.valueInteger === 'number') {
			const v = a.valueInteger, n = cond.answerInteger;
			return { '=': v === n, '!=': v !== n, '<': v < n, '<=': v <= n, '>': v > n, '>=': v >= n }[cond.operator];
		}
		return false;
	});
}

// Whether a Questionnaire item is asked, given the answers.
function enabled(qItem, answers) {
	const conds = qItem.enableWhen || [];
	if (conds.length === 0)
		return true;
	const results = conds.map(c => conditionHolds(c, answers));
	return qItem.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

function extensionValue(item, url) {
	const ext = (item.extension || []).find(e => e.url === url);
	return ext ? ext.valueInteger : undefined;
}

// The project's own checks of a QuestionnaireResponse against the
// Questionnaire.
function checkResponse(qr, questionnaire, problems) {
	const items = questionnaire.item;
	const index = new Map(items.map((it, i) => [it.linkId, i]));
	const [url, version] = String(qr.questionnaire || '').split('|');
	if (url !== questionnaire.url || (version !== undefined && version !== questionnaire.version))
		problems.push(`QuestionnaireResponse.questionnaire ${qr.questionnaire} is not ${questionnaire.url}|${questionnaire.version}`);
	if (!['completed', 'in-progress'].includes(qr.status))
		problems.push(`QuestionnaireResponse.status is ${JSON.stringify(qr.status)}, not completed or in-progress`);
	const answers = answersByLinkId(qr);
	let last = -1;
	const seen = new Set();
	for (const item of qr.item || []) {
		const where = `QuestionnaireResponse item ${item.linkId}`;
		if (!index.has(item.linkId)) {
			problems.push(`${where}: the linkId is not in the Questionnaire`);
			continue;
		}
		const qItem = items[index.get(item.linkId)];
		if (seen.has(item.linkId))
			problems.push(`${where}: the linkId appears twice`);
		seen.add(item.linkId);
		if (index.get(item.linkId) < last)
			problems.push(`${where}: not in the Questionnaire's order`);
		last = index.get(item.linkId);
		if (!enabled(qItem, answers))
			problems.push(`${where}: answered, but its enableWhen is false`);
		const given = item.answer || [];
		if (given.length > 1 && !qItem.repeats)
			problems.push(`${where}: ${given.length} answers to a question that does not repeat`);
		const expected = VALUE_OF_TYPE[qItem.type];
		for (const a of given) {
			const keys = Object.keys(a).filter(k => k.startsWith('value'));
			if (keys.length !== 1 || keys[0] !== expected) {
				problems.push(`${where}: ${keys.join(', ') || 'no value'} for an item of type ${qItem.type} (expected ${expected})`);
				continue;
			}
			const v = a[expected];
			if (qItem.type === 'integer') {
				if (!Number.isInteger(v))
					problems.push(`${where}: valueInteger ${v} is not a whole number`);
				const min = extensionValue(qItem, MIN_VALUE), max = extensionValue(qItem, MAX_VALUE);
				if ((min !== undefined && v < min) || (max !== undefined && v > max))
					problems.push(`${where}: ${v} is outside ${min}-${max}`);
			} else if (qItem.type === 'date' && !DATE.test(v)) {
				problems.push(`${where}: valueDate ${v} is not YYYY-MM-DD`);
			} else if (qItem.type === 'choice' && !(qItem.answerOption || []).some(o =>
				o.valueCoding.system === v.system && o.valueCoding.code === v.code)) {
				problems.push(`${where}: ${v.system}#${v.code} is not one of its answerOptions`);
			} else if (typeof v === 'string' && v.length === 0) {
				problems.push(`${where}: an empty ${expected}`);
			}
		}
	}
	if (qr.status === 'completed')
		for (const qItem of items)
			if (qItem.required && !seen.has(qItem.linkId))
				problems.push(`QuestionnaireResponse: the required item ${qItem.linkId} is missing`);
}

// The project's own checks of one Bundle.
function checkBundle(bundle, questionnaire) {
	const problems = [];
	if (bundle.resourceType !== 'Bundle' || bundle.type !== 'transaction')
		return ['not a transaction Bundle'];
	const entries = bundle.entry || [];
	const byUrl = new Map();
	for (const e of entries) {
		if (!UUID.test(e.fullUrl || ''))
			problems.push(`entry ${e.fullUrl}: the fullUrl is not urn:uuid: and a version-4 UUID`);
		if (byUrl.has(e.fullUrl))
			problems.push(`entry ${e.fullUrl}: the fullUrl appears twice`);
		byUrl.set(e.fullUrl, e.resource);
		if (!e.request || !e.request.method || !e.request.url)
			problems.push(`entry ${e.fullUrl}: no request method and url`);
	}
	const ofType = t => entries.filter(e => e.resource && e.resource.resourceType === t);
	const refersTo = (ref, type, where) => {
		const target = ref && byUrl.get(ref.reference);
		if (!target || target.resourceType !== type)
			problems.push(`${where} does not lead to a ${type} in the Bundle`);
	};
	const patients = ofType('Patient');
	for (const p of patients) {
		const id = (p.resource.identifier || [])[0];
		if (!id || !id.system || !id.value)
			problems.push('Patient: no identifier with a system and a value');
		else if ((p.resource.name || []).some(n => n.text === id.value))
			problems.push('Patient: the identifier is the name');
		if (!p.request.ifNoneExist || !p.request.ifNoneExist.startsWith('identifier='))
			problems.push('Patient: not created conditionally on its identifier');
	}
	const responses = ofType('QuestionnaireResponse');
	if (responses.length !== 1)
		problems.push(`${responses.length} QuestionnaireResponses, expected 1`);
	for (const r of responses) {
		checkResponse(r.resource, questionnaire, problems);
		if (patients.length)
			refersTo(r.resource.subject, 'Patient', 'QuestionnaireResponse.subject');
	}
	for (const o of ofType('Observation')) {
		const obs = o.resource, q = obs.valueQuantity || {};
		const coding = ((obs.code || {}).coding || [])[0] || {};
		if (coding.system !== 'http://loinc.org' || coding.code !== '72514-3')
			problems.push('Observation: the code is not LOINC 72514-3');
		if (!Number.isInteger(q.value) || q.value < 0 || q.value > 10 || q.code !== '{score}' ||
			q.system !== 'http://unitsofmeasure.org')
			problems.push(`Observation: the value ${JSON.stringify(obs.valueQuantity)} is not a 0-10 {score}`);
		(obs.derivedFrom || [undefined]).forEach(d =>
			refersTo(d, 'QuestionnaireResponse', 'Observation.derivedFrom'));
		if (patients.length)
			refersTo(obs.subject, 'Patient', 'Observation.subject');
	}
	for (const f of ofType('Flag')) {
		const flag = f.resource;
		const code = ((flag.code || {}).coding || [])[0] || {};
		if (!code.system || !code.code)
			problems.push('Flag: no rule id as its code');
		const priority = (flag.extension || []).find(e => e.url === FLAG_PRIORITY);
		const prio = priority && ((priority.valueCodeableConcept || {}).coding || [])[0];
		if (!prio || !PRIORITIES.includes(prio.code))
			problems.push(`Flag ${code.code}: no flag-priority of ${PRIORITIES.join(', ')}`);
		refersTo(flag.subject, 'Patient', `Flag ${code.code}: the subject`);
	}
	// What a visit keeps beside its intake (docs/export.md).
	for (const c of ofType('Composition')) {
		const note = c.resource;
		if (patients.length)
			refersTo(note.subject, 'Patient', 'Composition.subject');
		const signed = (note.attester || []).find(a => a.mode === 'legal');
		if (note.status !== 'preliminary' && !(signed && signed.time && signed.party))
			problems.push(`Composition: ${note.status} but no legal attester with a time and a party`);
	}
	for (const p of ofType('Provenance')) {
		(p.resource.target || [undefined]).forEach(t =>
			refersTo(t, 'Composition', 'Provenance.target'));
		if (!(p.resource.agent || []).some(a => a.who && a.who.display))
			problems.push('Provenance: no agent named');
	}
	for (const p of ofType('CarePlan'))
		refersTo(p.resource.subject, 'Patient', 'CarePlan.subject');
	for (const c of ofType('Consent')) {
		refersTo(c.resource.patient, 'Patient', 'Consent.patient');
		if (!(c.resource.policy || []).length && !c.resource.policyRule)
			problems.push('Consent: neither a policy nor a policyRule');
	}
	return problems;
}

function main() {
	const [qFile, ...files] = process.argv.slice(2);
	if (!qFile || files.length === 0) {
		console.error('usage: node validate.js QUESTIONNAIRE.json FILE...');
		process.exit(2);
	}
	const qText = fs.readFileSync(qFile, 'utf8');
	const questionnaire = JSON.parse(qText);
	let failed = false;
	const report = (file, problems) => {
		if (problems.length === 0) {
			console.log(`ok ${file}`);
			return;
		}
		failed = true;
		for (const p of problems)
			console.log(`${file}: ${p}`);
	};
	report(qFile, [...fhirjsErrors(questionnaire), ...decimalIntegers(qText)]);
	for (const file of files) {
		const text = fs.readFileSync(file, 'utf8');
		let bundles;
		try {
			bundles = readBundles(text);
		} catch (e) {
			report(file, [`not JSON: ${e.message}`]);
			continue;
		}
		const problems = decimalIntegers(text);
		bundles.forEach((b, i) => {
			const where = bundles.length > 1 ? `bundle ${i + 1}: ` : '';
			for (const p of [...fhirjsErrors(b), ...checkBundle(b, questionnaire)])
				problems.push(where + p);
		});
		if (bundles.length === 0)
			problems.push('no Bundle');
		report(file, problems);
	}
	process.exit(failed ? 1 : 0);
}

main();
